import { fireEvent, render, screen, within } from '@testing-library/react';
import { AreaPickerView } from '../src/components/AreaPicker';
import { MissingNotice, Panel } from '../src/components/Panel';
import { GraphRequestError } from '../src/lib/graphql';
import { SortableTable } from '../src/components/SortableTable';
import { UnitIndex, type Unit } from '../src/lib/areas';
import { missingProgrammes } from '../src/lib/graphql';
import { LangContext } from '../src/lib/i18n';

const UNITS: Unit[] = [
  { code: '64', name: 'Gia Lai', level: 'PROVINCE', parentCode: null, validTo: null },
  { code: '630', name: 'Kông Chro', level: 'DISTRICT', parentCode: '64', validTo: '2025-06-30' },
  { code: '23941', name: 'Thị trấn Kông Chro', level: 'COMMUNE', parentCode: '630', validTo: '2025-06-30' },
  { code: '23944', name: 'Xã Đăk Kơ Ning', level: 'COMMUNE', parentCode: '630', validTo: '2025-06-30' },
];

describe('the area picker', () => {
  const picked: string[] = [];
  const renderPicker = (value: string | null) => render(<AreaPickerView index={new UnitIndex(UNITS)} value={value} onChange={(code) => picked.push(code)} />);
  beforeEach(() => (picked.length = 0));

  it('finds an abolished district typed without diacritics, marked as abolished, and picks it', () => {
    renderPicker(null);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'kong chro' } });
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Kông Chro (đã giải thể 2025)'), expect.stringContaining('Thị trấn Kông Chro')]);
    fireEvent.click(within(options[0]!).getByRole('button'));
    expect(picked).toEqual(['630']);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows the chosen commune in its district and province, and going up a level picks the whole district', () => {
    renderPicker('23944');
    expect((screen.getByLabelText('Tỉnh / thành phố') as HTMLSelectElement).value).toBe('64');
    expect((screen.getByLabelText('Quận / huyện') as HTMLSelectElement).value).toBe('630');
    const commune = screen.getByLabelText('Xã / phường') as HTMLSelectElement;
    expect(commune.value).toBe('23944');
    fireEvent.change(commune, { target: { value: '' } });
    expect(picked).toEqual(['630']);
  });

  it('says so when nothing matches', () => {
    renderPicker(null);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'ha noi' } });
    expect(screen.getByText('Không tìm thấy địa bàn nào')).toBeTruthy();
  });
});

describe('a programme that did not answer', () => {
  it('is found from the error path or the subgraph the gateway names', () => {
    expect(missingProgrammes([{ message: 'down', path: ['adminUnit', 'report', 'credit'] }])).toEqual(['credit']);
    expect(missingProgrammes([{ message: 'down', path: ['householdByCode', 'loans'] }, { message: 'x', extensions: { serviceName: 'housing' } }])).toEqual(['credit', 'housing']);
    expect(missingProgrammes([{ message: 'bad year', path: ['adminUnit'] }])).toEqual([]);
  });

  it('is named in the notice, in the chosen language', () => {
    const { rerender } = render(<MissingNotice missing={['credit']} />);
    expect(screen.getByRole('status').textContent).toContain('tín dụng chính sách (NHCSXH)');
    rerender(
      <LangContext.Provider value="en">
        <MissingNotice missing={['credit', 'training']} />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain('preferential credit (VBSP), vocational training and jobs');
  });
});

describe('a sortable table', () => {
  it('sorts by the clicked column, then the other way round', () => {
    const rows = [
      { code: 'a', name: 'Xã B', poor: 2 },
      { code: 'b', name: 'Xã A', poor: 9 },
    ];
    render(<SortableTable rows={rows} rowKey={(r) => r.code} columns={[{ key: 'name', label: 'Đơn vị', value: (r) => r.name }, { key: 'poor', label: 'Hộ nghèo', value: (r) => r.poor, numeric: true }]} />);
    const firstCells = () => screen.getAllByRole('row').slice(1).map((row) => row.querySelector('td')!.textContent);
    expect(firstCells()).toEqual(['Xã A', 'Xã B']);
    fireEvent.click(screen.getByRole('button', { name: 'Hộ nghèo' }));
    expect(firstCells()).toEqual(['Xã B', 'Xã A']);
    fireEvent.click(screen.getByRole('button', { name: /Hộ nghèo/ }));
    expect(firstCells()).toEqual(['Xã A', 'Xã B']);
  });
});

describe('a panel', () => {
  it('says it is loading, keeping what it showed before dimmed', () => {
    render(
      <Panel title="Độ bao phủ" loading>
        <p>figures of the last answer</p>
      </Panel>,
    );
    expect(screen.getByText('Đang tải…')).toBeTruthy();
    expect(screen.getByText('figures of the last answer').parentElement!.className).toBe('refreshing');
  });

  it('shows a failed request’s message and a retry instead of its content', () => {
    const retried: number[] = [];
    render(
      <Panel title="Báo cáo năm" failure={new GraphRequestError('The graph cannot be reached; check the connection and retry.', 'NETWORK')} onRetry={() => retried.push(1)}>
        <p>stale</p>
      </Panel>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The graph cannot be reached');
    expect(screen.queryByText('stale')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(retried).toEqual([1]);
  });
});

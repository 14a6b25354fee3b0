import { useState, type ReactNode } from 'react';
import { sortRows, type SortDirection } from '../lib/sort';

export interface Column<T> {
  key: string;
  label: string;
  value(row: T): number | string | null | undefined;
  render?(row: T): ReactNode;
  numeric?: boolean;
}

/** A table whose headers sort it (again: the other way round). */
export function SortableTable<T>({ columns, rows, rowKey, initialSort, testId }: { columns: readonly Column<T>[]; rows: readonly T[]; rowKey(row: T): string; initialSort?: { key: string; direction: SortDirection }; testId?: string }) {
  const [sort, setSort] = useState(initialSort ?? { key: columns[0]!.key, direction: 'asc' as SortDirection });
  const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
  const sorted = sortRows(rows, column.value, sort.direction);
  const toggle = (key: string) => setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={c.key === sort.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => toggle(c.key)}>
                  {c.label}
                  {c.key === sort.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.render ? c.render(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

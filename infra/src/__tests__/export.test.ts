import { exportOperation } from '@povgraph/csv';
import { exportVariables } from '../export';

const { operation } = exportOperation(`query Report($code: AdminCode!, $year: Int!, $rate: Float, $poorOnly: Boolean, $min: VND, $codes: [AdminCode!], $after: String) {
  adminUnit(code: $code) { name } }`);

describe('pnpm export --var', () => {
  it('coerces each value by the operation’s variable definitions', () => {
    expect(exportVariables(operation, ['code=630', 'year=2023', 'rate=33.78', 'poorOnly=true', 'min=99186000000', 'codes=["630","631"]', 'after=MjAyMw']))
      .toEqual({ code: '630', year: 2023, rate: 33.78, poorOnly: true, min: 99_186_000_000, codes: ['630', '631'], after: 'MjAyMw' });
  });

  it('merges --variables JSON under the --var values', () => {
    expect(exportVariables(operation, ['year=2024'], '{"code":"884","year":2023}')).toEqual({ code: '884', year: 2024 });
  });

  it('names the declared variables when one is unknown, and refuses values of the wrong type or bad JSON', () => {
    expect(() => exportVariables(operation, ['cdoe=630'])).toThrow('--var cdoe: the operation declares $code, $year, $rate, $poorOnly, $min, $codes, $after.');
    expect(() => exportVariables(operation, [], '{"cdoe":"630"}')).toThrow('--variables names $cdoe, but the operation declares $code');
    expect(() => exportVariables(operation, ['year=2023.5'])).toThrow('--var year must be a whole number (Int); got "2023.5".');
    expect(() => exportVariables(operation, ['poorOnly=yes'])).toThrow('--var poorOnly must be true or false');
    expect(() => exportVariables(operation, ['code'])).toThrow('--var takes name=value');
    expect(() => exportVariables(operation, [], '{bad')).toThrow(/^--variables is not JSON/);
    expect(() => exportVariables(operation, [], '[1]')).toThrow('--variables must be a JSON object');
  });
});

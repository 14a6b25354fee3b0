import { GraphQLError } from 'graphql';
import { areaReference, areaYearKey, areaYearRequest } from '../areas';

describe('an area as an agency subgraph sees it', () => {
  it('keeps the key and the communes the gateway brought, null when it brought none', () => {
    expect(areaReference({ code: '630', communeCodes: ['23941', '23944'] })).toEqual({ code: '630', communeCodes: ['23941', '23944'] });
    expect(areaReference({ code: '630' })).toEqual({ code: '630', communeCodes: null });
  });

  it('asks a report of the area for a year, or for every year', () => {
    expect(areaYearRequest({ code: '630', communeCodes: ['23941'] }, 2023)).toEqual({ areaCode: '630', year: 2023, communeCodes: ['23941'] });
    expect(areaYearKey(areaYearRequest({ code: '630', communeCodes: [] }, null))).toBe('630|');
    expect(areaYearKey({ areaCode: '630', year: 2023 })).toBe('630|2023');
  });

  it('refuses an area without its communes instead of answering zeros (a client that skipped the gateway)', () => {
    const ask = () => areaYearRequest({ code: '630', communeCodes: null }, 2023);
    expect(ask).toThrow(GraphQLError);
    expect(ask).toThrow(/communes of area 630 were not given; ask for its figures through the gateway/);
    const refusal = (() => {
      try {
        return ask();
      } catch (error) {
        return error;
      }
    })();
    expect((refusal as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeCodes' });
  });
});

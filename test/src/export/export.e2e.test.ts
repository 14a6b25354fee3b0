import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signUserToken } from '@povgraph/auth';
import { testCallers, TEST_JWT_SECRET } from '@povgraph/testing';
import { householdInput, insertUnits, recipe as households, REGISTER, RECORD, UNITS } from '../../../services/households/test/fixtures';
import { exportCsv } from '../../../infra/src/export';
import { startTestStack, type TestStack } from '../stack';

let stack: TestStack;
let base: string;
let directory: string;
const clerk = testCallers.labourOffice(UNITS.district);
const analystToken = signUserToken(testCallers.analyst(), TEST_JWT_SECRET);

const HEADS = ['Đinh Thị Hoa', 'Nguyễn Văn Ánh', 'Rơ Châm Ớt', 'Đinh Văn Hmơ', 'Trần Thị Ngọc Ánh', 'Lê Văn Đức', 'Phạm Thị Hường'];
const VILLAGES = ['Làng Tơ Pơ, thôn 2', 'Làng Hle', 'Plei "Ơi"'];

/** Seven households, two per page: the export must follow four pages. */
const LIST = `query Households($code: AdminCode!, $after: String) {
  adminUnit(code: $code) { code name
    households(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      nodes { code headName village members ethnicMinority assessments { year status } } } } }`;

const EXPECTED = [
  'adminUnit.code,adminUnit.name,code,headName,village,members,ethnicMinority,assessments',
  ...HEADS.map((head, i) => {
    const village = VILLAGES[i % 3]!;
    const field = /[",]/.test(village) ? `"${village.replace(/"/g, '""')}"` : village;
    return `630,Kông Chro,KC-X-0${i + 1},${head},${field},${i + 2},${i % 2 === 0 ? 'TRUE' : 'FALSE'},${i < 3 ? 1 : 0}`;
  }),
].map((line) => `${line}\r\n`).join('');

const exportGet = (params: Record<string, string>, headers: Record<string, string> = { authorization: `Bearer ${analystToken}` }) =>
  fetch(`${base}/export.csv?${new URLSearchParams(params)}`, { headers });

const exportPost = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${analystToken}` }) =>
  fetch(`${base}/export.csv`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const errorsOf = async (response: Response) => ((await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;

beforeAll(async () => {
  stack = await startTestStack({ households });
  base = stack.gateway.url.replace(/\/graphql$/, '');
  directory = mkdtempSync(path.join(os.tmpdir(), 'povgraph-export-'));
  await insertUnits(stack.subgraphs['households']!.dataSource);
  for (const [i, headName] of HEADS.entries()) {
    const registered = await stack.request(clerk, REGISTER, {
      input: householdInput({ code: `KC-X-0${i + 1}`, headName, nationalId: `06419000000${i + 1}`, village: VILLAGES[i % 3], members: i + 2, ethnicMinority: i % 2 === 0 }),
    });
    expect(registered.body.errors).toBeUndefined();
    if (i < 3) {
      const reviewed = await stack.request(clerk, RECORD, {
        input: { householdId: registered.body.data.registerHousehold.id, year: 2023, assessedOn: '2023-11-15', incomePerPersonMonthly: 1_100_000, lackingIndicators: ['EMPLOYMENT'] },
      });
      expect(reviewed.body.errors).toBeUndefined();
    }
  }
});
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await stack?.stop();
});

describe('GET and POST /export.csv', () => {
  it('exports every page of a paginated list as CSV with a BOM, Vietnamese intact', async () => {
    const response = await exportGet({ query: LIST, variables: JSON.stringify({ code: '630' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Households.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(EXPECTED);

    const posted = await exportPost({ query: LIST, variables: { code: '630' }, operationName: 'Households' });
    expect(posted.status).toBe(200);
    expect(Buffer.from(await posted.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('exports a report without a list as one row, named "export" when the operation has no name', async () => {
    const response = await exportPost({ query: '{ adminUnit(code: "630") { code name poorDistrict poverty(year: 2023) { totalHouseholds poor nearPoor povertyRate } } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="export.csv"');
    // (fetch's text() drops a BOM: read the bytes.)
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(
      '\uFEFFadminUnit.code,adminUnit.name,adminUnit.poorDistrict,adminUnit.poverty.totalHouseholds,adminUnit.poverty.poor,adminUnit.poverty.nearPoor,adminUnit.poverty.povertyRate\r\n' +
        '630,Kông Chro,TRUE,3,0,3,0\r\n',
    );
  });

  it('refuses a caller without a token, or with a bad one, with 401 as /graphql does', async () => {
    for (const headers of [{}, { authorization: 'Bearer not.a.token' }] as Array<Record<string, string>>) {
      const response = await exportGet({ query: LIST, variables: '{"code":"630"}' }, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await errorsOf(response))[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a mutation: exports are read-only, and nothing is written', async () => {
    const clerkToken = signUserToken(clerk, TEST_JWT_SECRET);
    const response = await exportPost(
      { query: REGISTER, variables: { input: householdInput({ code: 'KC-X-99', nationalId: '064190000099' }) } },
      { authorization: `Bearer ${clerkToken}` },
    );
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[0]).toMatchObject({ message: expect.stringContaining('Exports are read-only: Register is a mutation'), extensions: { code: 'BAD_USER_INPUT' } });
    const { body } = await stack.request(clerk, '{ householdByCode(code: "KC-X-99") { id } }');
    expect(body.data.householdByCode).toBeNull();
  });

  it('answers a bad query, bad variables or a list it cannot page through with 400 and the error code', async () => {
    const cases: Array<[Response, string, RegExp]> = [
      [await exportGet({ query: '{ adminUnit(code: "630") { nosuchfield } }' }), 'GRAPHQL_VALIDATION_FAILED', /nosuchfield/],
      [await exportGet({ query: '{ adminUnit(code: "630") { ' }), 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
      [await exportGet({ query: LIST, variables: '{code: 630}' }), 'BAD_REQUEST', /`variables` is not JSON/],
      [await exportGet({ query: LIST }), 'BAD_USER_INPUT', /\$code/],
      [await exportGet({}), 'BAD_REQUEST', /Send the operation to export as `query`/],
      [await fetch(`${base}/export.csv`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analystToken}` }, body: '{"query": ' }), 'BAD_REQUEST', /not JSON/],
      [await exportPost({ query: '{ adminUnit(code: "630") { households(first: 2) { pageInfo { hasNextPage endCursor } nodes { code } } } }' }), 'BAD_USER_INPUT', /no \$after variable/],
    ];
    for (const [response, code, message] of cases) {
      expect(response.status).toBe(400);
      const errors = await errorsOf(response);
      expect(errors[0].extensions.code).toBe(code);
      expect(errors[0].message).toMatch(message);
    }
  });

  it('refuses with 502 rather than export a partial answer when an agency is down', async () => {
    // Only households runs here: the credit subgraph's loans cannot be fetched.
    const response = await exportPost({ query: '{ adminUnit(code: "630") { households(first: 10) { nodes { code loans { id } } } } }' });
    expect(response.status).toBe(502);
    const errors = await errorsOf(response);
    expect(errors[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('pnpm export (exportCsv)', () => {
  it('writes the same file, BOM first, following every page with a progress bar', async () => {
    const out = path.join(directory, 'households.csv');
    const drawn: string[] = [];
    const progress = { isTTY: false, write: (text: string) => drawn.push(text) } as unknown as NodeJS.WriteStream;
    const result = await exportCsv({ query: LIST, variables: { code: '630' }, gatewayUrl: stack.gateway.url, token: analystToken, out, progress });
    expect(result.rows).toBe(7);
    expect(drawn.at(-1)).toMatch(/^export {5}\[#{28}\] 100% 7\/7\n$/);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(bytes.subarray(3).toString('utf8')).toBe(EXPECTED);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('leaves no file behind and names the error code when the gateway refuses', async () => {
    const out = path.join(directory, 'refused.csv');
    await expect(exportCsv({ query: LIST, variables: { code: '630' }, gatewayUrl: stack.gateway.url, token: 'not.a.token', out, progress: null }))
      .rejects.toThrow(/the gateway answered with errors:\n {2}UNAUTHENTICATED: /);
    await expect(exportCsv({ query: '{ adminUnit(code: "630") { nosuchfield } }', gatewayUrl: stack.gateway.url, token: analystToken, out, progress: null }))
      .rejects.toThrow(/GRAPHQL_VALIDATION_FAILED: /);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
  });
});

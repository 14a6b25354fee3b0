import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signUserToken } from '@povgraph/auth';
import { TEST_JWT_SECRET, testCallers } from '@povgraph/testing';
import { recipe as credit } from '../../../services/credit/test/fixtures';
import { recipe as housing } from '../../../services/housing/test/fixtures';
import { recipe as training } from '../../../services/training/test/fixtures';
import { recipe as infrastructure } from '../../../services/infrastructure/test/fixtures';
import { creditDemo } from '../../../services/credit/src/seed/seedDemo';
import { housingDemo } from '../../../services/housing/src/seed/seedDemo';
import { trainingDemo } from '../../../services/training/src/seed/seedDemo';
import { infrastructureDemo } from '../../../services/infrastructure/src/seed/seedDemo';
import { buildWeb, WEB_DIR } from '../../../infra/src/web';
import { startWebServer, type WebServer } from '../../../infra/src/webServer';
import { startDemoStack, type DemoStack } from '../demoStack';
import { launchBrowser, SCREENSHOTS } from './browser';

/**
 * The web front end in a real headless Chromium, on the demo data of Kông Chro
 * (630) served by the whole graph: what an officer sees, and what they still
 * see when one agency's subgraph is down.
 */
let stack: DemoStack;
let web: WebServer;
let browser: Browser;
let page: Page;
const token = signUserToken(testCallers.analyst(), TEST_JWT_SECRET);

beforeAll(async () => {
  const [demoStack] = await Promise.all([startDemoStack({ credit, housing, training, infrastructure }, ['630']), buildWeb()]);
  stack = demoStack;
  await Promise.all([stack.seed('credit', creditDemo), stack.seed('housing', housingDemo), stack.seed('training', trainingDemo), stack.seed('infrastructure', infrastructureDemo)]);
  web = await startWebServer({ distDir: path.join(WEB_DIR, 'dist'), gatewayUrl: stack.gateway.url.replace(/\/graphql$/, ''), port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await stack?.stop();
});

const open = (search: string) => page.goto(`${web.url}/${search}#token=${token}`);
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const text = (testId: string) => page.getByTestId(testId).innerText();

describe('the year-end report', () => {
  it('shows Kông Chro 2023: 4,336 poor households, 33.78 %, in Vietnamese by default', async () => {
    await open('?view=report&area=630&year=2023');
    await page.getByTestId('card-poor').getByText('4.336').waitFor();
    expect(await text('poverty-rate')).toBe('33,78 %');
    expect(await text('card-households')).toContain('12.836');
    expect(await text('card-credit')).toContain('2.486');
    expect(await text('card-credit')).toContain('99.186 triệu đồng');
    await page.getByTestId('units-table').waitFor();
    expect(await page.getByTestId('units-table').locator('tbody tr').count()).toBe(14);
    await page.locator('[data-testid=trend] svg').waitFor();
    await shot('report-kong-chro-2023');
  });

  it('fits a tablet: the page never scrolls sideways (wide tables scroll inside their panel)', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId('units-table').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await shot('report-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to English, keeping the view in the URL', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('card-poor').getByText('4,336').waitFor();
    expect(await text('poverty-rate')).toBe('33.78%');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('finds a commune typed without diacritics, its 2025 successor beside it, and the choice lands in the URL', async () => {
    await open('?view=report&area=630&year=2023');
    await page.getByRole('searchbox').fill('chu krey');
    const results = page.getByRole('listbox').getByRole('option');
    expect(await results.allInnerTexts()).toEqual([expect.stringMatching(/^Xã Chư Krey\b/), expect.stringMatching(/^Xã Chư Krêy \(đã giải thể 2025\)/)]);
    await results.filter({ hasText: 'đã giải thể' }).getByRole('button').click();
    await page.waitForURL(/area=23944/, { waitUntil: 'commit' });
    await page.getByTestId('headline').locator('h2', { hasText: 'Xã Chư Krêy — 2023' }).waitFor();
    await page.getByTestId('card-poor').locator('.card-value').waitFor();
  });
});

describe('coverage and targets', () => {
  it('lists the poor and near-poor households no programme reached, and downloads them as CSV for Excel', async () => {
    await open('?view=coverage&area=23941&year=2023');
    await page.getByTestId('unreached-table').waitFor();
    const everyProgramme = await page.getByText(/Đang hiển thị/).innerText();
    await page.getByLabel('vốn vay').uncheck();
    await page.getByLabel('hỗ trợ nhà ở').uncheck();
    await page.getByText(everyProgramme).waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[1]).toMatch(/^KC-23941-/);
    await shot('coverage-23941-2023');
  });

  it('shows each target of Kông Chro 2024 beside its result, met or not at a glance', async () => {
    await open('?view=targets&area=630&year=2024');
    await page.getByTestId('targets-table').waitFor();
    const statuses = await page.locator('[data-testid=targets-table] .badge').allInnerTexts();
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.some((s) => /Chưa đo được/.test(s))).toBe(true);
    await shot('targets-kong-chro-2024');
  });
});

describe('the household page', () => {
  it('shows a borrower’s reviews and loans on one screen, the ID number masked for an analyst', async () => {
    const { body } = await stack.request(testCallers.analyst(), `{ adminUnit(code: "23941") { households(status: POOR, year: 2022, first: 100) { nodes { code loans { id } } } } }`);
    const borrower = body.data.adminUnit.households.nodes.find((h: { loans: unknown[] }) => h.loans.length > 0);
    await open('?view=household');
    await page.getByRole('searchbox').fill(borrower.code);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByTestId('loans').locator('table').waitFor();
    expect(await page.getByTestId('household').locator('h2').innerText()).toContain(borrower.code);
    expect(await page.getByTestId('reviews').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('loans').locator('tbody tr').count()).toBe(borrower.loans.length);
    expect(await page.locator('.facts').innerText()).toMatch(/\*{4,}\d+/);
    await shot('household');
  });
});

describe('an agency down', () => {
  it('shows every other figure and says which programme is missing when credit stops', async () => {
    await stack.stopSubgraph('credit');
    await open('?view=report&area=630&year=2023');
    await page.getByTestId('missing-notice').first().waitFor();
    expect(await page.getByTestId('missing-notice').first().innerText()).toContain('tín dụng chính sách');
    expect(await text('card-poor')).toContain('4.336');
    expect(await text('card-housing')).toMatch(/\d/);
    expect(await text('card-credit')).toContain('—');
    await shot('report-credit-down');
  });
});

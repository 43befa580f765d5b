// The dashboard in a real browser (Debian's chromium driven by
// playwright-core; never a downloaded browser): the overview shows the
// digest's own figures for the same date, its links lead to the division
// and milestone pages and back, an expired link is refused, nothing logs an
// error (a CSP violation would), and a phone-wide screen does not scroll
// sideways. It also takes the README's screenshot (docs/images/dashboard.png)
// when SHINCHOKU_SCREENSHOT=1.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../../src/adapters/db/digest-store.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { buildDigestFor } from '../../../src/app/build-digest.ts';
import type { Digest } from '../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { calendar, TIME_ZONE, tokyo } from '../../app/tick-world.ts';
import { DATE, openDashboardWorld, type DashboardWorld } from './dashboard-world.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../../../docs/images/dashboard.png', import.meta.url));

let world: DashboardWorld;
let browser: Browser;
let digest: Digest;

beforeAll(async () => {
  world = await openDashboardWorld();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The digest of the same date, built by the digest's own use case from the same database.
  const built = await buildDigestFor(DATE, {
    plans: createPlanStore(world.db),
    statuses: createStatusStore(world.db),
    digests: createDigestStore(world.db),
    directory: world.directory,
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: TIME_ZONE,
  });
  if (!built.ok) throw new Error(built.error.message);
  digest = built.value;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

/** A page that records every console error and uncaught exception. */
async function openPage(viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

const kpiValue = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] [data-value]`).innerText();

describe('the overview', () => {
  it('shows the digest’s figures for the same date, and their change since the previous digest', async () => {
    const { page, errors } = await openPage();
    const response = await page.goto(world.personalUrl());
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-testid="as-of"]').innerText()).resolves.toBe('令和2年9月7日現在');

    const { progress, counts } = digest;
    expect(await kpiValue(page, 'completion')).toBe(`${((progress.done / progress.total) * 100).toFixed(1)}%`);
    expect(await page.locator('[data-kpi="completion"] .detail').innerText()).toBe(`${progress.done} / ${progress.total} 件`);
    expect(await kpiValue(page, 'overdue')).toBe(`${progress.overdue} 件`);
    expect(await kpiValue(page, 'at-risk')).toBe(`${counts.at_risk} 件`);
    // The previous digest (2020-08-31) is named, as the digest names it.
    expect(digest.afterDigest).toBe(true);
    expect(await page.locator('[data-kpi="at-risk"] [data-change]').innerText()).toBe('前回ダイジェスト(令和2年8月31日(月))から +1');

    // The overdue list is the digest's newly and still overdue units, with their business days late.
    const overdue = [...digest.newlyOverdue.items, ...digest.stillOverdue.items];
    const rows = page.locator('[data-table="overdue"] tbody tr');
    expect(await rows.count()).toBe(overdue.length);
    expect(progress.overdue).toBe(overdue.length);
    const lateCells = await page.locator('[data-table="overdue"] tbody td.late').allInnerTexts();
    expect(lateCells.map(Number).sort((a, b) => a - b)).toEqual(overdue.map((e) => e.daysOverdue).sort((a, b) => a! - b!));

    // The division × status table counts the same units (one per owner division): its 完了 column sums to at least the digest's done.
    const doneCells = await page.locator('[data-table="divisions"] td[data-status="done"]').allInnerTexts();
    expect(doneCells.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(counts.done);
    // Both charts are drawn, with their Japanese labels.
    await expect(page.locator('[data-chart="pillars"] svg').count()).resolves.toBe(1);
    expect(await page.locator('[data-chart="burn-up"] svg').textContent()).toContain('期限到来');

    if (process.env.SHINCHOKU_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('links to a milestone’s page and a division’s page, and back', async () => {
    const { page, errors } = await openPage();
    await page.goto(world.personalUrl());
    const first = digest.stillOverdue.items.find((e) => e.milestoneId === '6-2-2')!;
    await page.locator('[data-table="overdue"] a', { hasText: `${first.milestoneId} ${first.title}` }).first().click();
    await expect(page.locator('h1').innerText()).resolves.toBe(`${first.milestoneId} ${first.title}`);
    // Its history, newest first, with the comment as typed (markup shown as text).
    expect(await page.locator('[data-table="history"]').innerText()).toContain('会議日程の<再調整>中 & "確認"');

    await page.locator('main a', { hasText: first.owners[0]! }).first().click();
    await expect(page.locator('h1').innerText()).resolves.toBe(`担当課: ${first.owners[0]}`);
    expect(await page.locator('[data-table="units"]').innerText()).toContain(first.milestoneId);

    await page.locator('nav a[data-nav="overview"]').click();
    await expect(page.locator('[data-kpi="overdue"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('reads on a phone without scrolling sideways', async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    await page.goto(world.personalUrl());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

it('refuses an expired link: 401 and nothing of the plan', async () => {
  const { page } = await openPage();
  const url = world.personalUrl();
  world.clock.jumpTo(tokyo('2020-09-08', '10:01'));
  try {
    const response = await page.goto(url);
    expect(response?.status()).toBe(401);
    const body = await page.locator('body').innerText();
    expect(body).toContain('/plan dashboard');
    expect(body).not.toContain('期限超過');
    expect(await page.locator('svg').count()).toBe(0);
  } finally {
    world.clock.jumpTo(tokyo(DATE, '10:00'));
    await page.close();
  }
}, 60_000);

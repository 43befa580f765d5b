// The dashboard over plain HTTP: who is refused (no link, forged, expired,
// revoked: 401 with nothing of the plan), the security headers on every
// answer, and plan and user text escaped in the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLink } from '../../../src/adapters/web/dashboard-token.ts';
import { tokyo } from '../../app/tick-world.ts';
import { DATE, openDashboardWorld, SECRET, type DashboardWorld } from './dashboard-world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await openDashboardWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const origin = () => `http://127.0.0.1:${world.dashboard.port}`;
const PLAN_WORDS = ['三重県', '行政運営', '期限超過', '1-1-2'];

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src/u);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

async function expectRefused(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(401);
  expectSecurityHeaders(response);
  const body = await response.text();
  expect(body).toContain('/plan dashboard');
  for (const word of PLAN_WORDS) expect(body).not.toContain(word);
}

describe('refused', () => {
  it('without a link: the root, a made-up token, a page under it', async () => {
    await expectRefused(`${origin()}/`);
    await expectRefused(`${origin()}/favicon.ico`);
    await expectRefused(`${origin()}/d/`);
    await expectRefused(`${origin()}/d/nothing/`);
    await expectRefused(`${origin()}/d/nothing/p/fy2020/milestone/1-1-2`);
    await expectRefused(`${origin()}/d/nothing/p/fy2020/report.xlsx`);
  });

  it('a forged link: signed with another secret, or its claims changed', async () => {
    const expiresAt = tokyo('2020-12-31').getTime();
    await expectRefused(`${origin()}/d/${signLink({ kind: 'personal', user: 'U0EXEC01', expiresAt }, 'another-secret')}/`);
    const genuine = signLink({ kind: 'personal', user: 'U0EXEC01', expiresAt: tokyo(DATE, '12:00').getTime() }, SECRET);
    const [, signature] = genuine.split('.');
    const longer = Buffer.from(JSON.stringify({ k: 'p', u: 'U0EXEC01', e: expiresAt })).toString('base64url');
    await expectRefused(`${origin()}/d/${longer}.${signature}/`);
  });

  it('an expired personal link: valid for 24 hours, refused after', async () => {
    const url = world.personalUrl();
    expect((await fetch(url)).status).toBe(200);
    world.clock.jumpTo(tokyo('2020-09-08', '10:01'));
    try {
      await expectRefused(url);
    } finally {
      world.clock.jumpTo(tokyo(DATE, '10:00'));
    }
  });

  it('a revoked read-only link, from the moment it is revoked', async () => {
    const minted = await world.access.mint('副知事', 90, 'U0COORD1', world.clock.now());
    const url = world.local(minted.url);
    expect((await fetch(`${url}p/fy2020/milestone/1-1-2`)).status).toBe(200);
    expect(await world.access.revoke(minted.id, 'U0COORD1', world.clock.now())).toBe(true);
    await expectRefused(url);
    await expectRefused(`${url}p/fy2020/milestone/1-1-2`);
  });

  it('a read-only link for an id the database does not hold (another deployment with the same secret)', async () => {
    await expectRefused(`${origin()}/d/${signLink({ kind: 'shared', id: 'zzzzzzzz', expiresAt: tokyo('2021-03-31').getTime() }, SECRET)}/`);
  });
});

describe('with a valid link', () => {
  it('shows the overview as of today, with the security headers', async () => {
    const response = await fetch(world.personalUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    const body = await response.text();
    expect(body).toContain('令和2年9月7日現在');
    expect(body).toContain('<svg');
    expect(body).not.toMatch(/<script/iu);
  });

  it('answers 404 for a plan, division or milestone that does not exist, and 405 to anything but GET', async () => {
    const url = world.personalUrl();
    expect((await fetch(`${url}p/fy1999/`)).status).toBe(404);
    expect((await fetch(`${url}p/fy2020/milestone/9-9-9`)).status).toBe(404);
    expect((await fetch(`${url}p/fy2020/division/${encodeURIComponent('<b>課</b>')}`)).status).toBe(404);
    const post = await fetch(url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });

  it('hands out the progress report workbook of the plan, linked from the overview', async () => {
    const url = world.personalUrl();
    expect(await (await fetch(url)).text()).toContain('href="/d/');
    const response = await fetch(`${url}p/fy2020/report.xlsx`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="progress-report\.xlsx"; filename\*=UTF-8''%E9%80%B2%E6%8D%97/u);
    const bytes = Buffer.from(await response.arrayBuffer());
    // A zip (an .xlsx is one), and a real workbook: exceljs reads its main sheet back.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('進捗管理表')).toBeDefined();
    expect((await fetch(`${url}p/fy1999/report.xlsx`)).status).toBe(404);
  });

  it('escapes what people typed: a comment with markup shows as text', async () => {
    const body = await (await fetch(`${world.personalUrl()}p/fy2020/milestone/6-2-2`)).text();
    expect(body).toContain('会議日程の&lt;再調整&gt;中 &amp; &quot;確認&quot;');
    expect(body).not.toContain('<再調整>');
  });

  it('speaks English with SHINCHOKU_LANG=en', async () => {
    const english = await openDashboardWorld({ lang: 'en' });
    try {
      const body = await (await fetch(english.personalUrl())).text();
      expect(body).toContain('As of 7 September 2020');
      expect(body).toContain('<html lang="en">');
    } finally {
      await english.dispose();
    }
  });
});

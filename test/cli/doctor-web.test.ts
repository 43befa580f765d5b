import { expect, it } from 'vitest';
import { checkDashboard } from '../../src/cli/doctor-web.ts';
import { loadConfig } from '../../src/config.ts';
import { translator } from '../../src/i18n/catalog.ts';

const t = translator('ja');
const SECRET = 'doctor-test-secret-0123456789abcdefgh';

function configOf(env: Record<string, string>) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

it('says the dashboard is off, or where it runs; plain http to another host fails with the fix', () => {
  expect(checkDashboard(configOf({}), t)).toEqual([{ ok: true, line: 'ダッシュボード: 使いません(DASHBOARD_PORT が未設定)' }]);
  expect(checkDashboard(configOf({ DASHBOARD_PORT: '8080', DASHBOARD_SECRET: SECRET, DASHBOARD_URL: 'https://dashboard.example.lg.jp' }), t)).toEqual([
    { ok: true, line: 'ダッシュボード: ポート 8080 で動かします。リンクの宛先 https://dashboard.example.lg.jp' },
  ]);
  const plain = checkDashboard(configOf({ DASHBOARD_PORT: '8080', DASHBOARD_SECRET: SECRET, DASHBOARD_URL: 'http://dashboard.example.lg.jp' }), t);
  expect(plain[0]).toMatchObject({ ok: false, fix: expect.stringContaining('https://') });
  expect(JSON.stringify(plain)).not.toContain(SECRET);
});

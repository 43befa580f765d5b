import { expect, it } from 'vitest';
import { KNOWN_CHART_FONTS } from '../../src/adapters/charts/find-chart-font.ts';
import { renderChecks } from '../../src/cli/doctor.ts';
import { checkChartFont, checkDashboard } from '../../src/cli/doctor-web.ts';
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

it('names the font the digest chart is drawn with, or warns there is none with the package to install, in both languages', () => {
  const ipaex = KNOWN_CHART_FONTS[0]!;
  expect(checkChartFont(t, ipaex)).toEqual({ ok: true, line: '週次ダイジェストのグラフ: 日本語フォント IPAexGothic(/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)で描きます' });
  const none = checkChartFont(t, null);
  expect(none).toEqual({
    ok: true,
    warning: true,
    line: '週次ダイジェストのグラフ: 日本語フォントが見つかりません。ダイジェストはグラフなしの文章だけで送ります',
    fix: 'sudo apt-get install fonts-ipaexfont-gothic で入れてください(fonts-noto-cjk でも可)。ボットを再起動すると使います',
  });
  // A warning: shown with its fix, and not counted as a problem.
  expect(renderChecks([none], t).split('\n')).toEqual([`! ${none.line}`, `    → ${none.fix}`, '', 'すべて問題ありません']);
  const en = translator('en');
  expect(checkChartFont(en, null)).toMatchObject({ line: 'Weekly digest chart: no Japanese font found; digests go out as text without the chart', fix: 'Install one with sudo apt-get install fonts-ipaexfont-gothic (or fonts-noto-cjk) and restart the bot' });
  expect(checkChartFont(en, ipaex).line).toBe('Weekly digest chart: drawn with the Japanese font IPAexGothic (/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)');
});

// The charts as the dashboard inlines them: SVG drawn on the server, with
// Japanese labels, plan text escaped, and nothing that would need a script
// or an inline stylesheet.
import { expect, it } from 'vitest';
import { renderBurnUpChart } from '../../../src/adapters/charts/burn-up-chart.ts';
import { renderPillarStatusChart } from '../../../src/adapters/charts/pillar-status-chart.ts';
import type { PillarRollup } from '../../../src/domain/digest.ts';

const counts = (done: number, delayed: number) => ({ not_started: 1, on_track: 2, at_risk: 0, delayed, done, cancelled: 0 });
const pillar = (id: string, title: string, done: number, delayed: number): PillarRollup => ({
  id,
  title,
  counts: counts(done, delayed),
  progress: { done, total: 3 + done + delayed, doneDue: done, dueSoFar: done + delayed, overdue: delayed },
  initiatives: { total: 0, items: [] },
});

it('draws one stacked bar per pillar with the statuses in Japanese, escaping plan text', () => {
  const svg = renderPillarStatusChart([pillar('I', '<img src=x>改革', 4, 1), pillar('II', '人材育成', 2, 0)], 'ja');
  expect(svg.startsWith('<svg')).toBe(true);
  for (const label of ['未着手', '順調', '注意', '遅延', '完了', '中止', '人材育成', '柱別の状況']) expect(svg).toContain(label);
  expect(svg).not.toContain('<img');
  expect(svg).toContain('&lt;img');
  expect(svg).not.toMatch(/<style/u);
});

it('draws the burn-up with month labels from April to March, in English on request', () => {
  const points = ['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03'].map((month, i) => ({
    month,
    due: i * 3,
    done: i <= 5 ? i * 2 : null,
  }));
  const ja = renderBurnUpChart(points, 'ja');
  for (const label of ['4月', '3月', '期限到来', '完了', '年度の進み']) expect(ja).toContain(label);
  const en = renderBurnUpChart(points, 'en');
  for (const label of ['Apr', 'Mar', 'Due', 'Done']) expect(en).toContain(label);
  expect(en).not.toContain('期限到来');
});

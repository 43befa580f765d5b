/**
 * Status per pillar (issue 15 §3): one horizontal stacked bar per pillar,
 * one segment per status, in the digest's units. Horizontal so that the
 * pillars' Japanese titles can be read without turning the head.
 */
import type { PillarRollup } from '../../domain/digest.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { renderSvg } from './render-svg.ts';
import { STATUS_COLORS } from './status-colors.ts';

/** Longest pillar label on the axis, in characters; the full title is in the page's table. */
const LABEL_CHARS = 14;

const shorten = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** The chart as an SVG string, `width` wide; its height grows with the number of pillars. */
export function renderPillarStatusChart(pillars: readonly PillarRollup[], lang: Lang, width = 720): string {
  const t = translator(lang);
  // The first pillar at the top, as in the plan.
  const ordered = [...pillars].reverse();
  const height = 90 + 34 * Math.max(pillars.length, 1);
  return renderSvg(
    {
      title: { text: t('web.chart.pillarsTitle'), left: 0, textStyle: { fontSize: 14 } },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 16, top: 32, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: t('web.chart.units'), minInterval: 1 },
      yAxis: { type: 'category', data: ordered.map((p) => shorten(`${p.id} ${p.title}`)) },
      series: STATUS_CODES.map((code) => ({
        name: statusLabel(code, lang),
        type: 'bar',
        stack: 'status',
        itemStyle: { color: STATUS_COLORS[code] },
        data: ordered.map((p) => p.counts[code]),
      })),
    },
    { width, height },
  );
}

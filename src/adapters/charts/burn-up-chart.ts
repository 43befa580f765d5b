/**
 * The burn-up over the fiscal year (issue 15 §3): units due and units 完了,
 * cumulative, month by month (domain/burn-up.ts); the done line stops at
 * the report's date.
 */
import type { BurnUpPoint } from '../../domain/burn-up.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { renderSvg } from './render-svg.ts';
import { STATUS_COLORS } from './status-colors.ts';

/** The chart as an SVG string. */
export function renderBurnUpChart(points: readonly BurnUpPoint[], lang: Lang, size = { width: 720, height: 320 }): string {
  const t = translator(lang);
  return renderSvg(
    {
      title: { text: t('web.chart.burnUpTitle'), left: 0, textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 64, bottom: 36, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => t('web.chart.month', { month: Number(p.month.slice(5)) })) },
      yAxis: { type: 'value', name: t('web.chart.units'), minInterval: 1 },
      series: [
        { name: t('web.chart.due'), type: 'line', step: false, symbol: 'circle', itemStyle: { color: '#8a8f98' }, lineStyle: { type: 'dashed' }, data: points.map((p) => p.due) },
        { name: t('web.chart.done'), type: 'line', symbol: 'circle', itemStyle: { color: STATUS_COLORS.done }, areaStyle: { opacity: 0.15 }, data: points.map((p) => p.done) },
      ],
    },
    size,
  );
}

/**
 * The overview (issue 15 §3): as of when, the completion rate and the
 * overdue and at-risk counts with their change since the last digest, the
 * two charts, the overdue list and the division × status table.
 */
import type { DashboardModel } from '../../app/build-dashboard.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatMonth } from '../../i18n/format-date.ts';
import { renderBurnUpChart } from '../charts/burn-up-chart.ts';
import { renderPillarStatusChart } from '../charts/pillar-status-chart.ts';
import { html, trusted, type Html } from './html.ts';
import { completionRate, shortDate, signed, type PageLinks } from './web-format.ts';

/** The overview's body. */
export function renderOverviewBody(model: DashboardModel, links: PageLinks, lang: Lang, t: Translate, workbook = false): Html {
  const { digest, baseline } = model;
  const rate = completionRate(digest.progress.done, digest.progress.total);
  const baseRate = completionRate(baseline.progress.done, baseline.progress.total);
  const since = (change: string) => t(baseline.afterDigest ? 'web.kpi.since' : 'web.kpi.sinceWeek', { date: shortDate(baseline.date, lang), change });
  const kpi = (id: string, cls: string, label: string, value: string, detail: string | null, change: string) =>
    html`<div class="kpi ${cls}" data-kpi="${id}"><div class="label">${label}</div><div class="value" data-value>${value}</div>${detail === null ? '' : html`<div class="detail">${detail}</div>`}<div class="change" data-change>${change}</div></div>`;
  return html`${workbook ? html`<p class="download"><a href="${links.workbook}" data-download="workbook">${t('web.download.workbook')}</a></p>` : ''}<section class="kpis">
${kpi('completion', 'completion', t('web.kpi.completion'), `${rate.toFixed(1)}%`, t('web.kpi.completionDetail', { done: digest.progress.done, total: digest.progress.total }), since(t('web.kpi.percentPoints', { change: signed(rate - baseRate, 1) })))}
${kpi('overdue', 'overdue', t('web.kpi.overdue'), t('web.kpi.count', { count: digest.progress.overdue }), null, since(signed(digest.progress.overdue - baseline.progress.overdue)))}
${kpi('at-risk', 'at-risk', t('web.kpi.atRisk'), t('web.kpi.count', { count: digest.counts.at_risk }), null, since(signed(digest.counts.at_risk - baseline.counts.at_risk)))}
</section>
<section class="charts">
<div><h2>${t('web.section.pillars')}</h2><div class="chart" data-chart="pillars">${trusted(renderPillarStatusChart(digest.pillars.items, lang))}</div></div>
<div><h2>${t('web.section.burnUp')}</h2><div class="chart" data-chart="burn-up">${trusted(renderBurnUpChart(model.burnUp, lang))}</div></div>
</section>
<section><h2>${t('web.section.overdue', { count: model.overdue.length })}</h2>
${model.overdue.length === 0 ? html`<p class="muted">${t('web.none')}</p>` : html`<div class="scroll"><table data-table="overdue"><thead><tr><th>${t('web.col.item')}</th><th>${t('web.col.division')}</th><th>${t('web.col.due')}</th><th class="num">${t('web.col.late')}</th></tr></thead><tbody>
${model.overdue.map((entry) => html`<tr><td><a href="${links.milestone(entry.milestoneId)}">${entry.milestoneId} ${entry.title}</a>${entry.checkpoint === null ? '' : html` <span class="muted">(${formatMonth(entry.checkpoint, lang)})</span>`}</td><td>${entry.owners.map((owner, i) => html`${i > 0 ? '、' : ''}<a href="${links.division(owner)}">${owner}</a>`)}</td><td>${entry.due === null ? '' : shortDate(entry.due, lang)}</td><td class="num late">${entry.daysOverdue ?? ''}</td></tr>`)}
</tbody></table></div>`}</section>
<section><h2>${t('web.section.divisions')}</h2><div class="scroll"><table data-table="divisions"><thead><tr><th>${t('web.col.division')}</th>${STATUS_CODES.map((code) => html`<th class="num">${statusLabel(code, lang)}</th>`)}<th class="num">${t('web.col.total')}</th></tr></thead><tbody>
${model.divisions.map((row) => html`<tr data-division="${row.division}"><td><a href="${links.division(row.division)}">${row.division}</a></td>${STATUS_CODES.map((code) => html`<td class="num" data-status="${code}">${row.counts[code]}</td>`)}<td class="num">${row.total}</td></tr>`)}
</tbody></table></div></section>`;
}

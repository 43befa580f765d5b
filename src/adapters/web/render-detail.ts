/**
 * A division's page (its units, as the digest counts them) and a
 * milestone's page (its checkpoints and every update made to it).
 */
import type { DashboardModel } from '../../app/build-dashboard.ts';
import type { PlacedMilestone } from '../../domain/plan.ts';
import { statusLabel } from '../../domain/status.ts';
import type { StatusUpdate } from '../../domain/status-update.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { formatMonth } from '../../i18n/format-date.ts';
import { html, type Html } from './html.ts';
import { shortDate, statusBadge, type PageLinks } from './web-format.ts';

const lateOf = (model: DashboardModel, milestoneId: string, checkpoint: string | null) =>
  model.overdue.find((entry) => entry.milestoneId === milestoneId && entry.checkpoint === checkpoint)?.daysOverdue ?? null;

/** The units `division` owns, in plan order. */
export function renderDivisionBody(model: DashboardModel, division: string, links: PageLinks, lang: Lang, t: Translate): Html {
  const units = model.units.filter((u) => u.unit.placed.owners.includes(division));
  return html`<section><h2>${t('web.section.units', { count: units.length })}</h2><div class="scroll"><table data-table="units"><thead><tr><th>${t('web.col.item')}</th><th>${t('web.col.due')}</th><th>${t('web.col.status')}</th><th class="num">${t('web.col.late')}</th></tr></thead><tbody>
${units.map(({ unit, now }) => {
  const late = lateOf(model, unit.placed.milestone.id, unit.checkpoint);
  return html`<tr><td><a href="${links.milestone(unit.placed.milestone.id)}">${unit.placed.milestone.id} ${unit.placed.milestone.title}</a>${unit.checkpoint === null ? '' : html` <span class="muted">(${formatMonth(unit.checkpoint, lang)})</span>`}</td><td>${now.due === null ? t('web.noDue') : shortDate(now.due, lang)}</td><td>${statusBadge(now.status, lang)}</td><td class="num late">${late ?? ''}</td></tr>`;
})}
</tbody></table></div></section>`;
}

/** One milestone: where it sits, its owners, each checkpoint's due date and status, then its history, newest first. */
export function renderMilestoneBody(model: DashboardModel, placed: PlacedMilestone, history: readonly StatusUpdate[], timeZone: string, links: PageLinks, lang: Lang, t: Translate): Html {
  const units = model.units.filter((u) => u.unit.placed.milestone.id === placed.milestone.id);
  const newestFirst = [...history].reverse();
  return html`<p class="muted">${t('web.milestone.path', { pillar: `${placed.pillar.id} ${placed.pillar.title}`, initiative: `${placed.initiative.id} ${placed.initiative.title}`, item: `${placed.item.id} ${placed.item.title}` })}</p>
<p>${t('web.col.division')}: ${placed.owners.map((owner, i) => html`${i > 0 ? '、' : ''}<a href="${links.division(owner)}">${owner}</a>`)}</p>
<section><h2>${t('web.section.checkpoints')}</h2><div class="scroll"><table data-table="checkpoints"><thead><tr><th>${t('web.col.month')}</th><th>${t('web.col.due')}</th><th>${t('web.col.status')}</th><th class="num">${t('web.col.late')}</th></tr></thead><tbody>
${units.map(({ unit, now }) => html`<tr><td>${unit.checkpoint === null ? t('web.wholeMilestone') : formatMonth(unit.checkpoint, lang)}</td><td>${now.due === null ? t('web.noDue') : shortDate(now.due, lang)}</td><td>${statusBadge(now.status, lang)}</td><td class="num late">${lateOf(model, placed.milestone.id, unit.checkpoint) ?? ''}</td></tr>`)}
</tbody></table></div></section>
<section><h2>${t('web.section.history', { count: history.length })}</h2>
${newestFirst.length === 0 ? html`<p class="muted">${t('web.none')}</p>` : html`<div class="scroll"><table data-table="history"><thead><tr><th>${t('web.col.when')}</th><th>${t('web.col.status')}</th><th>${t('web.col.month')}</th><th>${t('web.col.who')}</th><th>${t('web.col.comment')}</th></tr></thead><tbody>
${newestFirst.map((update) => {
  const at = wallClock(new Date(update.createdAt), timeZone);
  return html`<tr><td>${shortDate(at.date, lang)} ${at.time}</td><td>${statusLabel(update.status, lang)}${update.revisedDue ? html` <span class="muted">→ ${formatMonth(update.revisedDue, lang)}</span>` : ''}</td><td>${update.checkpoint ? formatMonth(update.checkpoint, lang) : ''}</td><td>${update.actor} <span class="muted">(${t(`plan.via.${update.via}` as MessageKey)})</span></td><td>${update.comment ?? ''}</td></tr>`;
})}
</tbody></table></div>`}</section>`;
}

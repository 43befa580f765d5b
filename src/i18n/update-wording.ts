/**
 * The confirmation of a recorded update in words, shared by every renderer
 * (Slack, the terminal, Teams): what was recorded (a status, a comment, a
 * due month) and which month it was for. Plain text; each renderer escapes
 * and styles it for its own platform.
 */
import type { Reply } from '../app/commands/reply.ts';
import { statusLabel } from '../domain/status.ts';
import type { Lang, Translate } from './catalog.ts';
import { formatDate, formatMonth } from './format-date.ts';

type Recorded = Extract<Reply, { kind: 'updated' }>;

/** The headline of the confirmation: a status recorded, a comment recorded, or a due month moved. */
export function updateHeadline(reply: Recorded, lang: Lang, t: Translate, id: string = reply.milestone.id): string {
  if (reply.revisedDue !== null) {
    return t('plan.updated.due', { id, month: formatMonth(reply.revisedDue, lang), date: reply.due === null ? '' : formatDate(reply.due, lang) });
  }
  if (reply.commentOnly) return t('updates.commentRecorded', { id, status: statusLabel(reply.status, lang) });
  return t('plan.updated.status', { id, status: statusLabel(reply.status, lang), previous: statusLabel(reply.previous, lang) });
}

/**
 * Which month the update was for, and, when no month was named, how to
 * name another one or every one: an update must never change more than the
 * owner can see it did (issue 12).
 */
export function updateScopeLines(reply: Recorded, lang: Lang, t: Translate): string[] {
  if (reply.allCheckpoints.length > 0) return [t('updates.all', { months: reply.allCheckpoints.map((m) => formatMonth(m, lang)).join('、') })];
  if (reply.checkpoint === null) return [];
  const month = formatMonth(reply.checkpoint, lang);
  if (!reply.picked) return [t('plan.updated.checkpoint', { month })];
  const hint = reply.commentOnly || reply.revisedDue !== null ? [] : [t('updates.pickedHint', { id: reply.milestone.id, status: statusLabel(reply.status, lang) })];
  return [t('updates.picked', { month }), ...hint];
}

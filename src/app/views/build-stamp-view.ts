/**
 * What a handled reminder line says after a report, on every platform: the
 * new status, who recorded it, when and how, and the comment.
 */
import type { YearMonth } from '../../domain/plan.ts';
import { statusLabel, type StatusCode } from '../../domain/status.ts';
import type { UpdateVia } from '../../domain/status-update.ts';
import type { WallClock } from '../../domain/zoned-time.ts';
import { translator, type Lang, type MessageKey } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';

export interface Stamp {
  status: StatusCode;
  actor: string;
  via: UpdateVia;
  at: WallClock;
  comment: string | null;
  /**
   * The month recorded when the report named none and the milestone has
   * several (the one being asked about): the stamp says which, so nobody
   * thinks every month was marked.
   */
  pickedMonth?: YearMonth | null;
}

/** A stamp on a line of a card: which line it belongs to, and the stamp. */
export interface LineStamp extends Stamp {
  milestoneId: string;
  checkpoint: YearMonth | null;
}

/**
 * The stamp's rows: `順調 — 山田 が記録 (令和2年8月3日(月) · 2020-08-03 10:03、ボタン)`
 * and the comment. `actor` is the name as the platform shows it (a mention
 * placeholder on Slack, a display name on Teams).
 */
export function buildStampView(stamp: Stamp, lang: Lang, actor: string): string[] {
  const t = translator(lang);
  const recorded = t('stamp.recorded', {
    status: statusLabel(stamp.status, lang),
    actor,
    at: `${formatDate(stamp.at.date, lang)} ${stamp.at.time}`,
    via: t(`plan.via.${stamp.via}` as MessageKey),
  });
  const month = stamp.pickedMonth ? [t('stamp.pickedMonth', { month: formatMonth(stamp.pickedMonth, lang) })] : [];
  return stamp.comment === null ? [recorded, ...month] : [recorded, ...month, t('stamp.comment', { comment: stamp.comment })];
}

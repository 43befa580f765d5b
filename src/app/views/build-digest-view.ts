/**
 * The weekly digest (SPEC §6) as a neutral view: its sections in order, each
 * list worded and cut to DIGEST_LIST_LINES with its total and the command
 * for the rest, the progress figures and the roll-up. Slack, Teams and the
 * shell render this; they may cut further to fit their limits, never reorder.
 */
import type { DigestMessage } from '../ports.ts';
import type { DigestEntry, DigestList, RollupRow } from '../../domain/digest.ts';
import { DUE_SOON_DAYS, SILENT_WINDOW_DAYS } from '../../domain/digest.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { commandIn, SLASH_COMMAND, translatorFor } from '../../i18n/command-prefix.ts';
import { DIGEST_LIST_LINES, DIGEST_MORE_COMMANDS, digestPeriodText, entryFacts, percentText, progressBar, silentFacts, type DigestPart } from '../../i18n/digest-wording.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { formatAsOf } from '../../i18n/format-as-of.ts';
import type { ViewLine, ViewList } from './view-line.ts';
import { selectorSuffix } from '../commands/parse-plan-selector.ts';

/** A bar and its words: `▓▓▓▓░░░░░░` and `40% ／ 完了 12/30 …`. */
export interface Figures {
  bar: string;
  text: string;
}

export interface RollupView {
  /** `1 title`. */
  title: string;
  figures: Figures;
}

export interface PillarView extends RollupView {
  initiatives: RollupView[];
  /** Initiatives in all; the rest are for `moreCommand`. */
  total: number;
}

export interface DigestView {
  lang: Lang;
  /** `週次ダイジェスト 令和2年9月14日(月) · 2020-09-14`. */
  heading: string;
  /** The plan, the period, and whether it is late, manual or a preview. */
  context: string[];
  counts: { title: string; line: string; note: string };
  progress: { title: string; rows: Figures[] };
  /** Completed, newly overdue, still overdue, due soon, silent divisions, and unmapped ones when there are. */
  lists: ViewList[];
  rollup: { title: string; pillars: PillarView[]; total: number; moreCommand: string };
  separator: string;
  /** One line for notifications: the date, done of total, overdue. */
  summary: string;
}

export interface DigestViewOptions {
  /** A preview (`/plan digest`): nothing was posted. */
  preview?: boolean;
  /** How the platform's users type a command (command-prefix.ts): `/plan` (Slack, the default), `@shinchoku` (Teams). */
  commandPrefix?: string;
}

/** The view of a digest message, in its own language. */
export function buildDigestView(message: DigestMessage, options: DigestViewOptions = {}): DigestView {
  const prefix = options.commandPrefix ?? SLASH_COMMAND;
  const t = translatorFor(message.lang, prefix);
  const { digest, lang } = message;
  const sep = t('reminder.separator');
  const p = digest.progress;
  const entries = (title: string, list: DigestList<DigestEntry>, part: DigestPart): ViewList =>
    viewList(prefix, title, list, part, t('digest.none'), (entry) => line(entry.milestoneId, entry.title, entryFacts(entry, lang, t)));
  const lists: ViewList[] = [];
  // Last year's leftovers first (issue 13): in the new plan's first digests, the one list the coordinator must act on.
  if (digest.carryOver) {
    const carry = digest.carryOver;
    lists.push({
      title: t('plans.digest.carryOver', { count: carry.unfinished.total, year: carry.fiscalYear, key: carry.key }),
      lines: carry.unfinished.items.slice(0, DIGEST_LIST_LINES).map((m) =>
        line(m.id, m.title, entryFacts({ milestoneId: m.id, title: m.title, checkpoint: null, due: m.due, status: m.status, owners: m.owners }, lang, t)),
      ),
      total: carry.unfinished.total,
      // Last year's overdue list holds them (but for one 遅延 or 注意 whose due month was moved past today).
      moreCommand: commandIn(prefix, `/plan status overdue${selectorSuffix(carry.key)}`),
      empty: null,
    });
  }
  lists.push(
    entries(t('digest.completed.title', { count: digest.completed.total }), digest.completed, 'completed'),
    entries(t('digest.newlyOverdue.title', { count: digest.newlyOverdue.total }), digest.newlyOverdue, 'newlyOverdue'),
    entries(t('digest.stillOverdue.title', { count: digest.stillOverdue.total }), digest.stillOverdue, 'stillOverdue'),
    entries(t('digest.dueSoon.title', { days: DUE_SOON_DAYS, count: digest.dueSoon.total }), digest.dueSoon, 'dueSoon'),
    viewList(prefix, t('digest.silent.title', { days: SILENT_WINDOW_DAYS, count: digest.silentDivisions.total }), digest.silentDivisions, 'silent', t('digest.none'), (s) =>
      line('', s.division, silentFacts(s, lang, t)),
    ),
  );
  // The open report round: who has not answered (issue 15 §1), cut like every list.
  if (digest.reportRound) {
    const round = digest.reportRound;
    const title = t('reports.digest.line', { asOf: formatAsOf(round.asOf, lang), deadline: formatAsOf(round.deadline, lang, true), answered: round.answered, total: round.total });
    lists.push({
      title,
      lines: round.missing.items
        .slice(0, DIGEST_LIST_LINES)
        .map((d) => line('', d.division, [t('reports.digest.notAnswered', { count: d.notAnswered }), ...(d.returned > 0 ? [t('reports.digest.returned', { count: d.returned })] : [])])),
      total: round.missing.total,
      moreCommand: commandIn(prefix, '/plan report'),
      empty: t('reports.closed.complete'),
    });
  }
  if (digest.unmappedDivisions.total > 0) {
    lists.push(viewList(prefix, t('digest.unmapped.title', { count: digest.unmappedDivisions.total }), digest.unmappedDivisions, 'unmapped', null, (d) => line('', d, [])));
  }
  return {
    lang,
    heading: t('digest.header', { date: formatDate(digest.date, lang) }),
    context: [
      digest.planTitle,
      digestPeriodText(digest, lang, t),
      ...(message.late ? [t('digest.late')] : []),
      ...(message.manual ? [t('digest.manual')] : []),
      ...(options.preview ? [t('digest.preview')] : []),
    ],
    counts: {
      title: t('digest.counts.title'),
      line: STATUS_CODES.map((code) => t('digest.count', { status: statusLabel(code, lang), count: digest.counts[code] })).join(sep),
      note: t('digest.counts.note'),
    },
    progress: {
      title: t('digest.progress.title'),
      rows: [
        { bar: progressBar(p.doneDue, p.dueSoFar), text: t('digest.progress.due', { done: p.doneDue, total: p.dueSoFar, percent: percentText(p.doneDue, p.dueSoFar, t) }) },
        { bar: progressBar(p.done, p.total), text: t('digest.progress.all', { done: p.done, total: p.total, percent: percentText(p.done, p.total, t) }) },
      ],
    },
    lists,
    rollup: {
      title: t('digest.rollup.title'),
      pillars: digest.pillars.items.slice(0, DIGEST_LIST_LINES).map((pillar) => ({
        ...rollupView(pillar, t),
        initiatives: pillar.initiatives.items.slice(0, DIGEST_LIST_LINES).map((row) => rollupView(row, t)),
        total: pillar.initiatives.total,
      })),
      total: digest.pillars.total,
      moreCommand: commandIn(prefix, DIGEST_MORE_COMMANDS.pillars),
    },
    separator: sep,
    summary: t('digest.fallback', { date: digest.date, done: p.done, total: p.total, overdue: p.overdue }),
  };
}

/** The 「他 N 件」 line of a digest list, naming `command` as the platform writes it. */
export function digestMoreText(lang: Lang, count: number, command: string): string {
  return translator(lang)('digest.more', { count, command });
}

function viewList<T>(prefix: string, title: string, list: DigestList<T>, part: DigestPart, empty: string | null, toLine: (item: T) => ViewLine): ViewList {
  return { title, lines: list.items.slice(0, DIGEST_LIST_LINES).map(toLine), total: list.total, moreCommand: commandIn(prefix, DIGEST_MORE_COMMANDS[part]), empty };
}

function line(id: string, title: string, facts: string[]): ViewLine {
  return { tag: '', id, title, facts, notes: [], target: null };
}

/** `▓▓▓▓░░░░░░` and `40% ／ 完了 12/30 ／ 期限到来分 8/10 ／ 超過 2`. */
function rollupView(row: RollupRow, t: Translate): RollupView {
  const p = row.progress;
  return { title: `${row.id} ${row.title}`, figures: { bar: progressBar(p.done, p.total), text: `${percentText(p.done, p.total, t)}${t('reminder.separator')}${t('digest.rollup.stats', { ...p })}` } };
}

/**
 * A command's Reply as a neutral view: a heading and blocks of worded text,
 * milestone lines and 「他 N 件」 notes, in the order every platform shows
 * them. Teams renders it as a card; catalogue text arrives without Slack's
 * marks (headings are blocks of their own).
 */
import type { AddressedPlan } from '../commands/choose-plan.ts';
import { selectorSuffix } from '../commands/parse-plan-selector.ts';
import type { HistoryEntry, Paging, Reply } from '../commands/reply.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { type Lang, type MessageKey, type Translate } from '../../i18n/catalog.ts';
import { commandIn, SLASH_COMMAND, translatorFor } from '../../i18n/command-prefix.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { listTitle } from '../../i18n/list-title.ts';
import { dashboardWording } from '../../i18n/dashboard-wording.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { exportedLines } from '../../i18n/export-lines.ts';
import { stripMarkup } from '../../i18n/strip-markup.ts';
import { updateHeadline, updateScopeLines } from '../../i18n/update-wording.ts';
import { buildMilestoneLine } from './build-milestone-line.ts';
import type { ViewLine } from './view-line.ts';
import { buildReportView } from './build-report-view.ts';

export type ReplyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; tone: 'normal' | 'subtle' | 'warning' | 'good' }
  | { kind: 'line'; line: ViewLine }
  /** A dated entry (a status history line): what happened, then its details, when any. */
  | { kind: 'entry'; text: string; details: string | null }
  /** Catalogue text that names commands (help): the platform writes each `/plan …` its own way. */
  | { kind: 'commands'; text: string }
  | { kind: 'more'; count: number; command: string }
  | { kind: 'divider' };

export interface ReplyView {
  lang: Lang;
  title: string | null;
  blocks: ReplyBlock[];
  separator: string;
}

/** Names a chat user as the platform shows it (a mention, a display name, the shell's role). */
export type NameActor = (actor: string) => string;

export interface ReplyViewOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
  nameActor?: NameActor;
  /** Names a channel as the platform shows it (Slack links its ids); as it is by default. */
  nameChannel?: (channel: string) => string;
  /** How the platform's users type a command (command-prefix.ts): `/plan` (Slack, the default), `@shinchoku` (Teams). */
  commandPrefix?: string;
}

const text = (value: string, tone: 'normal' | 'subtle' | 'warning' | 'good' = 'normal'): ReplyBlock => ({ kind: 'text', text: value, tone });
const heading = (value: string): ReplyBlock => ({ kind: 'heading', text: stripMarkup(value) });

/** The view of `reply` in `lang`. Digests have their own view (build-digest-view.ts). */
export function buildReplyView(reply: Exclude<Reply, { kind: 'digest' }>, lang: Lang, options: ReplyViewOptions = {}): ReplyView {
  const prefix = options.commandPrefix ?? SLASH_COMMAND;
  const t = translatorFor(lang, prefix);
  const name = options.nameActor ?? ((actor: string) => actor);
  const channelName = (channel: string) => (channel === '' ? t('outbox.noChannel') : (options.nameChannel ?? ((c: string) => c))(channel));
  // Commands the use cases name (the next page's) are written the platform's way too.
  const view = (title: string | null, blocks: ReplyBlock[]): ReplyView => ({ lang, title, blocks: blocks.map((b) => (b.kind === 'more' ? { ...b, command: commandIn(prefix, b.command) } : b)), separator: t('reminder.separator') });
  // A reply about a plan the command named (`--year 2020`) says first which plan, and whether it is read-only.
  const addressed = 'plan' in reply && reply.plan !== undefined ? reply.plan : null;
  const planBlocks = addressed === null ? [] : [planBlock(addressed, t)];
  const suffix = selectorSuffix(addressed?.key ?? null);
  switch (reply.kind) {
    case 'help': {
      const sections = [t('plan.help.queries'), t('plan.help.updates'), t('reports.help'), ...(reply.coordinator ? [t('plan.help.coordinator')] : []), t('plan.help.lang')];
      return view(t('plan.help.title'), sections.flatMap((section) => {
        const [first = '', ...rest] = section.split('\n');
        // A section's first line is its title; a one-line section is only commands.
        if (rest.length === 0) return [{ kind: 'commands' as const, text: first }];
        return [heading(first), { kind: 'commands' as const, text: rest.join('\n') }];
      }));
    }
    case 'overview': {
      const o = reply.overview;
      const blocks: ReplyBlock[] = [
        ...planBlocks,
        text(t('plan.overview.asOf', { date: formatDate(o.today, lang), total: o.total }), 'subtle'),
        text(STATUS_CODES.map((code) => t('plan.overview.count', { status: statusLabel(code, lang), count: o.byStatus[code] })).join(t('reminder.separator'))),
        heading(t('plan.overview.pillarsHeader')),
        ...o.pillars.map((p) => text(t('plan.overview.pillar', { id: p.id, title: p.title, total: p.total, done: p.byStatus.done, overdue: p.overdue }))),
        { kind: 'divider' },
        heading(t('plan.overview.overdueHeader', { count: o.overdueTotal, months: o.overdueDueDates })),
      ];
      if (o.overdue.length === 0) blocks.push(text(t('plan.overview.noOverdue'), 'subtle'));
      for (const item of o.overdue) blocks.push({ kind: 'line', line: buildMilestoneLine(item, lang, t) });
      if (o.overdueTotal > o.overdue.length) blocks.push({ kind: 'more', count: o.overdueTotal - o.overdue.length, command: `/plan status overdue${suffix}` });
      return view(t('plan.overview.title', { title: o.title }), blocks);
    }
    case 'milestone': {
      const { detail } = reply;
      const { summary } = detail;
      const blocks: ReplyBlock[] = [
        ...planBlocks,
        text(
          t('plan.detail.path', {
            pillar: `${detail.pillar.id} ${detail.pillar.title}`,
            initiative: `${detail.initiative.id} ${detail.initiative.title}`,
            item: `${detail.item.id} ${detail.item.title}`,
          }),
          'subtle',
        ),
        { kind: 'line', line: buildMilestoneLine(summary, lang, t) },
        text(detail.scheduleText === null ? t('plan.detail.noSchedule') : t('plan.detail.schedule', { text: detail.scheduleText })),
      ];
      if (detail.group !== null) blocks.push(text(t('plan.detail.group', { group: detail.group })));
      if (detail.checkpoints.length === 0) blocks.push(text(t('plan.detail.ongoing')));
      for (const cp of detail.checkpoints) {
        const label = cp.key === null ? t('plan.detail.whole') : t('reminder.checkpoint', { month: formatMonth(cp.key, lang) });
        const late = cp.daysOverdue === null ? '' : `${t('reminder.separator')}${t('reminder.daysOverdue', { days: cp.daysOverdue })}`;
        blocks.push(text(`・${t('plan.detail.checkpoint', { label, date: formatDate(cp.due, lang), status: statusLabel(cp.status, lang) })}${late}${cp.revised ? ` ${t('plan.detail.revised')}` : ''}`));
      }
      blocks.push({ kind: 'divider' }, heading(t('plan.detail.historyHeader', { total: detail.historyTotal })));
      if (detail.history.length === 0) blocks.push(text(t('plan.history.empty'), 'subtle'));
      for (const entry of detail.history) blocks.push(...historyBlocks(entry, lang, t, name));
      if (detail.historyTotal > detail.history.length) blocks.push({ kind: 'more', count: detail.historyTotal - detail.history.length, command: `/plan history ${summary.id}${suffix}` });
      return view(`${summary.id} ${summary.title}`, blocks);
    }
    case 'list': {
      const { scope, paging } = reply;
      // Whose divisions and how many, on one row.
      const facts = [...(scope.kind === 'mine' && scope.divisions.length > 0 ? [t('plan.list.mineDivisions', { divisions: scope.divisions.join('、') })] : []), pageText(paging, t)];
      const blocks: ReplyBlock[] = [...planBlocks, text(facts.join(t('reminder.separator')), 'subtle')];
      if (reply.items.length === 0) blocks.push(text(scope.kind === 'mine' && scope.divisions.length === 0 ? t('plan.list.mineNone') : t('plan.list.empty')));
      for (const item of reply.items) blocks.push({ kind: 'line', line: buildMilestoneLine(item, lang, t, { owners: scope.kind !== 'division' }) });
      if (paging.nextCommand !== null) blocks.push({ kind: 'more', count: paging.remaining, command: paging.nextCommand });
      return view(listTitle(scope, t), blocks);
    }
    case 'history': {
      const blocks: ReplyBlock[] = [...planBlocks, text(reply.milestone.title), text(pageText(reply.paging, t), 'subtle')];
      if (reply.entries.length === 0) blocks.push(text(t('plan.history.empty'), 'subtle'));
      for (const entry of reply.entries) blocks.push(...historyBlocks(entry, lang, t, name));
      if (reply.paging.nextCommand !== null) blocks.push({ kind: 'more', count: reply.paging.remaining, command: reply.paging.nextCommand });
      return view(t('plan.history.title', { id: reply.milestone.id }), blocks);
    }
    case 'updated': {
      return view(null, [
        text(`✓ ${updateHeadline(reply, lang, t)}`, 'good'),
        text(reply.milestone.title),
        ...updateScopeLines(reply, lang, t).map((line) => text(line)),
        ...(reply.comment === null ? [] : [text(t('plan.updated.comment', { comment: reply.comment }))]),
        text(t('plan.updated.by', { actor: name(reply.actor), via: t(`plan.via.${reply.via}` as MessageKey), at: `${formatDate(reply.at.date, lang)} ${reply.at.time}` }), 'subtle'),
      ]);
    }
    case 'owner': {
      const title = t(reply.changed ? 'plan.owner.changed' : 'plan.owner.shown', { division: reply.division });
      const entry = reply.entry;
      if (entry === null) return view(title, [text(t('plan.owner.unmapped'))]);
      const people = (ids: readonly string[]) => (ids.length === 0 ? t('plan.owner.nobody') : ids.map(name).join(' '));
      return view(title, [
        text(t('plan.owner.channel', { channel: channelName(entry.channel) })),
        text(t('plan.owner.users', { users: people(entry.users) })),
        text(t('plan.owner.deputies', { deputies: people(entry.deputies) })),
        ...(entry.channelMembers === true ? [text(t('plan.owner.channelMembers'))] : []),
      ]);
    }
    case 'lang':
      return view(null, [text(t(reply.changed ? 'plan.lang.set' : 'plan.lang.current'))]);
    case 'report':
      return buildReportView(reply.report, lang, name, prefix);
    case 'digest_posted':
      return view(null, [text(t('plan.digest.posted', { channel: channelName(reply.channel), week: reply.week }))]);
    case 'exported':
      return view(null, exportedLines(reply, lang, t).map((line) => text(line, reply.delivery.kind === 'failed' ? 'warning' : 'normal')));
    case 'dashboard': {
      const wording = dashboardWording(reply.answer, lang, t);
      const [first = '', ...rest] = wording.lines;
      return view(null, [
        text(first, wording.refused ? 'warning' : 'normal'),
        ...rest.map((line) => text(line, 'subtle')),
        ...(wording.url === null ? [] : [text(wording.url)]),
      ]);
    }
    case 'problem': {
      const [first = '', ...rest] = problemLines(reply.problem, lang, t);
      return view(null, [text(first, 'warning'), ...[...rest, ...(options.change ? [t('plan.problem.unchanged')] : [])].map((line) => text(line, 'subtle'))]);
    }
  }
}

/** Which plan a reply is about: a warning when it is read-only, so nobody takes last year's list for this year's. */
function planBlock(plan: AddressedPlan, t: Translate): ReplyBlock {
  return text(t('plans.chat.addressed', { year: plan.fiscalYear, key: plan.key, title: plan.title, over: plan.over ? 1 : 0, end: plan.periodEnd }), plan.over ? 'warning' : 'subtle');
}

function pageText(paging: Paging, t: Translate): string {
  return t('plan.page', { total: paging.total, page: paging.page, pages: paging.pageCount });
}

/** One history entry: when, what, who, how; then its month, new due month and comment. */
function historyBlocks(entry: HistoryEntry, lang: Lang, t: Translate, name: NameActor): ReplyBlock[] {
  const head = t('plan.history.entry', {
    at: `${formatDate(entry.at.date, lang)} ${entry.at.time}`,
    status: statusLabel(entry.status, lang),
    actor: name(entry.actor),
    via: t(`plan.via.${entry.via}` as MessageKey),
  });
  const details = [
    entry.checkpoint === null ? (entry.allCheckpoints ? t('updates.history.all') : null) : t('plan.history.checkpoint', { month: formatMonth(entry.checkpoint, lang) }),
    entry.revisedDue === null ? null : t('plan.history.revisedDue', { month: formatMonth(entry.revisedDue, lang) }),
    entry.comment === null ? null : t('plan.history.comment', { comment: entry.comment }),
  ].filter((d): d is string => d !== null);
  return [{ kind: 'entry', text: head, details: details.length === 0 ? null : details.join(t('reminder.separator')) }];
}

/** One line that says what `view` is: its title, else its first words (a notification's preview, a fallback text). */
export function replySummary(view: ReplyView): string {
  if (view.title !== null) return view.title;
  for (const block of view.blocks) if (block.kind === 'text' || block.kind === 'heading' || block.kind === 'entry') return block.text;
  return '';
}

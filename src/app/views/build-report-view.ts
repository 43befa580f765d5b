/**
 * A report-round reply as the neutral view every platform shows (the blocks
 * of build-reply-view.ts): Teams renders it as a card, Slack as Block Kit,
 * the shell as text. Which lines, in what order, with which labels and
 * cut-offs is decided here once.
 */
import { REPORT_FIELDS, type EvaluationScale, type ReportFields } from '../../domain/report-round.ts';
import { type Lang, type MessageKey, type Translate } from '../../i18n/catalog.ts';
import { commandIn, SLASH_COMMAND, translatorFor } from '../../i18n/command-prefix.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { formatAsOf } from '../../i18n/format-as-of.ts';
import type { DivisionProgress, ItemRoundLine, ReportReply, RoundSummary } from '../report/report-reply.ts';
import type { NameActor, ReplyBlock, ReplyView } from './build-reply-view.ts';

/** Divisions listed one per line in a status; the rest are counted (a message has room for so many). */
export const MAX_DIVISION_LINES = 30;
/** Own items listed in a status. */
export const MAX_ITEM_LINES = 20;

const text = (value: string, tone: 'normal' | 'subtle' | 'warning' | 'good' = 'normal'): ReplyBlock => ({ kind: 'text', text: value, tone });
const heading = (value: string): ReplyBlock => ({ kind: 'heading', text: value });

/** The view of a report reply in `lang`. */
export function buildReportView(reply: ReportReply, lang: Lang, name: NameActor = (actor) => actor, commandPrefix: string = SLASH_COMMAND): ReplyView {
  const t = translatorFor(lang, commandPrefix);
  const reportCommand = commandIn(commandPrefix, '/plan report');
  const view = (title: string | null, blocks: ReplyBlock[]): ReplyView => ({ lang, title, blocks, separator: t('reminder.separator') });
  const date = (d: string) => formatAsOf(d, lang);
  const deadline = (d: string) => formatAsOf(d, lang, true);
  switch (reply.op) {
    case 'opened':
      return view(t('reports.opened.title'), [
        text(roundLine(reply.round, lang, t), 'subtle'),
        text(t('reports.opened.asked', { divisions: reply.divisions, items: reply.items })),
        text(scaleLine(reply.round.scale, t), 'subtle'),
        { kind: 'commands', text: t('reports.opened.next') },
      ]);
    case 'status': {
      const blocks: ReplyBlock[] = [text(roundLine(reply.round, lang, t), 'subtle'), ...divisionBlocks(reply.divisions, t, reportCommand)];
      if (reply.mine !== null) {
        blocks.push({ kind: 'divider' }, heading(t('reports.status.mineHeader')));
        if (reply.mine.length === 0) blocks.push(text(t('reports.status.mineNone'), 'subtle'));
        for (const line of reply.mine.slice(0, MAX_ITEM_LINES)) blocks.push({ kind: 'line', line: itemViewLine(line, t) });
        if (reply.mine.length > MAX_ITEM_LINES) blocks.push({ kind: 'more', count: reply.mine.length - MAX_ITEM_LINES, command: reportCommand });
      }
      return view(t('reports.status.title', { asOf: date(reply.round.asOf) }), blocks);
    }
    case 'form': {
      const { form } = reply;
      const blocks: ReplyBlock[] = [text(`${form.item.id} ${form.item.title}`), text(roundLine(form.round, lang, t), 'subtle')];
      if (form.returnComment !== null) blocks.push(text(t('reports.returnComment', { comment: form.returnComment }), 'warning'));
      blocks.push(text(t(form.fromAnswer ? 'reports.form.fromAnswer' : 'reports.form.prefilled'), 'subtle'));
      blocks.push(...fieldBlocks(form.values, t, form.suggested));
      blocks.push(text(scaleLine(form.round.scale, t), 'subtle'));
      blocks.push({ kind: 'commands', text: t('reports.form.how', { id: form.item.id, code: form.values.evaluation || form.round.scale.grades[1]?.code || form.round.scale.grades[0]?.code || '' }) });
      return view(t('reports.form.title', { id: form.item.id, asOf: date(form.round.asOf) }), blocks);
    }
    case 'answered':
      return view(null, [
        text(`✓ ${t('reports.answered.title', { id: reply.item.id, asOf: date(reply.round.asOf) })}`, 'good'),
        text(reply.item.title),
        ...fieldBlocks(reply.fields, t, null),
        ...(reply.late ? [text(t('reports.late'), 'warning')] : []),
        text(t('reports.answered.by', { actor: name(reply.actor), via: t(`reports.via.${reply.via}`), at: `${date(reply.at.date)} ${reply.at.time}` }), 'subtle'),
      ]);
    case 'returned':
      return view(null, [
        text(`✓ ${t('reports.returned.title', { id: reply.item.id, division: reply.division })}`, 'good'),
        text(reply.item.title),
        text(t('reports.returnComment', { comment: reply.comment })),
      ]);
    case 'closed': {
      const missing = reply.divisions.filter((d) => d.answered < d.items).map((d) => d.division);
      return view(t('reports.closed.title', { asOf: date(reply.round.asOf) }), [
        text(countLine(reply.divisions, t)),
        text(missing.length === 0 ? t('reports.closed.complete') : t('reports.closed.missing', { divisions: cutNames(missing, t) }), missing.length === 0 ? 'good' : 'warning'),
      ]);
    }
    case 'history': {
      const blocks: ReplyBlock[] = [text(reply.item.title)];
      const rounds = reply.rounds.filter((r) => r.entries.length > 0 || r.round.open);
      if (rounds.length === 0) blocks.push(text(t('reports.history.none'), 'subtle'));
      for (const { round, entries } of rounds) {
        blocks.push(heading(t('reports.history.round', { asOf: date(round.asOf), deadline: deadline(round.deadline), open: round.open ? 1 : 0 })));
        if (entries.length === 0) blocks.push(text(t('reports.history.noEntries'), 'subtle'));
        for (const entry of entries) {
          const at = `${date(entry.at.date)} ${entry.at.time}`;
          const via = t(`reports.via.${entry.via}`);
          if (entry.kind === 'returned') {
            blocks.push(text(t('reports.history.returned', { at, actor: name(entry.actor), via, comment: entry.comment }), 'warning'));
            continue;
          }
          blocks.push(text(t('reports.history.answer', { at, actor: name(entry.actor), division: entry.division, via, evaluation: gradeText(round.scale, entry.evaluation, t) })));
          blocks.push(...fieldBlocks(entry, t, null, ['achievement', 'issues', 'nextSteps']).map((b) => ({ ...b, tone: 'subtle' as const })));
        }
      }
      return view(t('reports.history.title', { id: reply.item.id }), blocks);
    }
  }
}

/** `2020年9月30日現在の報告・締切 2020年10月9日`. */
function roundLine(round: RoundSummary, lang: Lang, t: Translate): string {
  return `${t('reports.round', { asOf: formatAsOf(round.asOf, lang) })}${t('reminder.separator')}${t('reports.deadline', { date: formatAsOf(round.deadline, lang, true) })}`;
}

/** `進捗評価の区分: ◎ 完了 ／ ○ 順調 …`. */
export function scaleLine(scale: EvaluationScale, t: Translate): string {
  return t('reports.scale', { grades: scale.grades.map((g) => t('reports.grade', { code: g.code, label: g.label })).join(t('reminder.separator')) });
}

/** A grade with its label (`○ 順調`); an unknown code as it is. */
export function gradeText(scale: EvaluationScale, code: string, t: Translate): string {
  const grade = scale.grades.find((g) => g.code === code);
  return grade ? t('reports.grade', { code: grade.code, label: grade.label }) : code;
}

/** One text block per field, `取組実績: …`; an empty field says so. */
function fieldBlocks(fields: ReportFields, t: Translate, suggested: string | null, which: readonly (keyof ReportFields)[] = REPORT_FIELDS): Extract<ReplyBlock, { kind: 'text' }>[] {
  return which.map((field) => {
    const value = fields[field] === '' ? t('reports.field.empty') : fields[field];
    const hint = field === 'evaluation' && suggested !== null && suggested !== fields.evaluation ? `(${t('reports.form.suggested', { code: suggested })})` : '';
    return { kind: 'text', text: `${t('reports.field.value', { label: t(`reports.field.${field}` as MessageKey), value })}${hint}`, tone: 'normal' };
  });
}

/** The count of divisions that answered, then one line per division still owing answers, then the finished ones on one line. */
function divisionBlocks(divisions: readonly DivisionProgress[], t: Translate, reportCommand: string): ReplyBlock[] {
  const open = divisions.filter((d) => d.answered < d.items);
  const done = divisions.filter((d) => d.answered === d.items).map((d) => d.division);
  const blocks: ReplyBlock[] = [text(countLine(divisions, t)), heading(t('reports.status.divisionsHeader'))];
  for (const d of open.slice(0, MAX_DIVISION_LINES)) blocks.push(text(t('reports.status.division', { division: d.division, items: d.items, answered: d.answered, returned: d.returned, notAnswered: d.notAnswered }), d.returned > 0 ? 'warning' : 'normal'));
  if (open.length > MAX_DIVISION_LINES) blocks.push({ kind: 'more', count: open.length - MAX_DIVISION_LINES, command: reportCommand });
  if (done.length > 0) blocks.push(text(t('reports.status.done', { divisions: cutNames(done, t) }), 'good'));
  return blocks;
}

function countLine(divisions: readonly DivisionProgress[], t: Translate): string {
  return t('reports.status.count', { answered: divisions.filter((d) => d.answered === d.items).length, total: divisions.length });
}

/** Division names joined, cut after MAX_DIVISION_LINES with 「ほか N 課」. */
export function cutNames(names: readonly string[], t: Translate, max = MAX_DIVISION_LINES): string {
  const shown = names.slice(0, max).join('、');
  return names.length > max ? `${shown}、${t('reports.digest.more', { count: names.length - max })}` : shown;
}

function itemViewLine(line: ItemRoundLine, t: Translate) {
  const facts = [t(`reports.state.${line.state}`)];
  if (line.evaluation !== null) facts.push(t('reports.field.value', { label: t('reports.field.evaluation'), value: line.evaluation }));
  if (line.late) facts.push(t('reports.late'));
  return {
    // The state leads the facts: not every platform shows a line's tag.
    tag: '',
    id: line.itemId,
    title: line.title,
    facts,
    notes: line.returnComment === null ? [] : [t('reports.returnComment', { comment: line.returnComment })],
    target: null,
  };
}

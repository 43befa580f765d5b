// Messages for what a status update means: checkpoints, comments, due months.
import type { Message, Params } from '../message.ts';

export const ja = {
  'updates.commentRecorded': (p: Params) => `${p.id} にコメントを記録しました(状況は「${p.status}」のまま)`,
  'stamp.pickedMonth': (p: Params) => `${p.month}分に記録 (月の指定がないため、いま報告をお願いしている月)`,
  'updates.picked': (p: Params) => `対象: ${p.month}分(月の指定がないため、いま報告をお願いしている月に記録しました)`,
  'updates.pickedHint': (p: Params) => `別の月は「/plan update ${p.id} [月] ${p.status}」、全月まとめては「/plan update ${p.id} 全月 ${p.status}」`,
  'updates.all': (p: Params) => `対象: 全月(${p.months})`,
  'updates.history.all': '全月',
  'updates.digest.periodDays': (p: Params) => `過去${p.days}日間 (${p.date} 以降) の動きです(これより前のダイジェストはありません)`,
  'updates.problem.dueOutOfRange': (p: Params) =>
    `${p.month} は計画の年度外です。取組 ${p.id} の期限は ${p.from}から${p.to}まで(計画の年度と翌年度)の月にしてください`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'updates.commentRecorded': (p) => `Recorded a comment on ${p.id} (status stays ${p.status})`,
  'stamp.pickedMonth': (p) => `Recorded for ${p.month} (no month given: the month being asked about)`,
  'updates.picked': (p) => `For ${p.month} (no month given: the month you are being asked about)`,
  'updates.pickedHint': (p) => `Another month: "/plan update ${p.id} [month] ${p.status}"; every month at once: "/plan update ${p.id} all ${p.status}"`,
  'updates.all': (p) => `For every month (${p.months})`,
  'updates.history.all': 'for every month',
  'updates.digest.periodDays': (p) => `What changed in the last ${p.days} days (since ${p.date}); there is no earlier digest`,
  'updates.problem.dueOutOfRange': (p) => `${p.month} is outside the plan's years: move ${p.id} to a month from ${p.from} to ${p.to} (the plan's fiscal year or the next)`,
};

// Messages for several plans and fiscal years, catch-up after downtime, the demo database.
import type { Message, Params } from '../message.ts';

export const ja = {
  // ── shinchoku import: which plan the file goes to ──
  'plans.import.new': (p: Params) => `新しい計画として保存します: キー ${p.key}(${p.year}年度)。既存の計画は変わりません`,
  'plans.import.revise': (p: Params) => `計画 ${p.key}(${p.year}年度)の改訂として保存します`,
  'plans.import.badKey': (p: Params) => `--key ${p.key}: キーは英小文字で始まり、英小文字・数字・ハイフンだけの32文字以内にしてください(例: gyokaku-2021)`,
  'plans.import.otherYear': (p: Params) =>
    `--key ${p.key}: この計画は ${p.storedYear} 年度のものです。${p.year} 年度の計画は改訂ではなく新しい計画です。別のキーを指定してください(例: --key ${p.suggestion})`,
  'plans.import.keyTaken': (p: Params) =>
    `キー ${p.key} は別の表題の計画「${p.title}」が使っています。同じ計画の訂正なら --key ${p.key}、別の計画なら新しいキーを --key で指定してください`,
  // ── carry-over: last year's unfinished milestones ──
  'plans.carryOver.heading': (p: Params) => `昨年度の未完了(計画 ${p.key}、${p.year}年度): ${p.count} 件`,
  'plans.carryOver.none': (p: Params) => `昨年度の未完了(計画 ${p.key}、${p.year}年度): なし`,
  'plans.carryOver.line': (p: Params) => `  ${p.id} ${p.title} — ${p.status} — ${p.owners}${p.due ? ` — 期限 ${p.due}` : ''}`,
  // ── shinchoku plan: choosing a plan ──
  'plans.cli.unknownKey': (p: Params) => `計画 ${p.key} はありません。保存されている計画: ${p.keys}`,
  'plans.cli.noPlanOfYear': (p: Params) => `${p.year} 年度の計画はありません。保存されている計画: ${p.keys}`,
  'plans.cli.badYear': (p: Params) => `--year ${p.year}: 年度は西暦4桁で指定してください(例: --year 2020)`,
  'plans.cli.list': (p: Params) => `保存されている計画(${p.count} 件):`,
  'plans.cli.listLine': (p: Params) => `  ${p.mark} ${p.key} — ${p.year}年度 — ${p.title}${p.over ? '(期間終了・閲覧のみ)' : ''}`,
  'plans.cli.periodOver': (p: Params) => `この計画の期間(${p.start}〜${p.end})は終了しています。閲覧のみで、リマインダーもダイジェストも送りません`,
  // ── /plan … about another plan (--year / --plan, 年度 / 計画) ──
  'plans.chat.addressed': (p: Params) => `${p.year}年度の計画 ${p.key}「${p.title}」${p.over ? `(期間は ${p.end} に終了。閲覧のみ)` : ''}`,
  'plans.chat.askedYear': (p: Params) => `${p.year}年度`,
  'plans.chat.askedKey': (p: Params) => `キー ${p.key}`,
  'plans.chat.unknownPlan': (p: Params) => `${p.asked}の計画はありません`,
  'plans.chat.storedPlans': (p: Params) => `保存されている計画: ${p.list}`,
  'plans.chat.storedPlan': (p: Params) => `${p.key}(${p.year}年度「${p.title}」)`,
  'plans.chat.noStoredPlans': '保存されている計画はありません',
  'plans.chat.choose': '年度は --year 2020(2020年度、令和2年度)、計画は --plan キー(計画 キー)で指定してください',
  'plans.chat.badPlan': (p: Params) => `「${p.word}」は年度・計画のキーとして読み取れません(例: --year 2020、2020年度、令和2年度、--plan gyokaku-2021、計画 gyokaku-2021)`,
  'plans.chat.readOnly': (p: Params) => `${p.year}年度の計画「${p.title}」は期間(${p.end} まで)が終了したため閲覧のみです。状況も期限も変更できません`,
  // ── the new plan's first digests: last year's leftovers ──
  'plans.digest.carryOver': (p: Params) => `前年度からの未完了 ${p.count} 件(${p.year}年度の計画 ${p.key})`,
  // ── the reminder tick after downtime ──
  'plans.catchup.notice': (p: Params) =>
    `停止していた間(${p.from}〜${p.to}、${p.days} 営業日)のリマインダー ${p.count} 件は送りませんでした。さかのぼって送るのは直近 ${p.window} 営業日分までです(REMINDER_CATCHUP_BUSINESS_DAYS)`,
  'plans.catchup.title': '停止中のリマインダーについて',
  'plans.start.downtime': (p: Params) => `前回の稼働は ${p.lastDay} です。停止中の ${p.days} 営業日分のうち、さかのぼって送るのは直近 ${p.window} 営業日分だけです`,
  'plans.start.periodOver': (p: Params) => `計画「${p.title}」の期間(${p.end} まで)は終了しています。リマインダーもダイジェストも送りません`,
  // ── the shell demo's own database ──
  'plans.demo.database': (p: Params) => `デモ用データベース: ${p.path}(Slack/Teams で使うデータベースとは別です。やり直すにはこのファイルを削除してください)`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'plans.import.new': (p) => `Storing as a new plan: key ${p.key} (fiscal ${p.year}). Stored plans stay as they are`,
  'plans.import.revise': (p) => `Storing as a revision of plan ${p.key} (fiscal ${p.year})`,
  'plans.import.badKey': (p) => `--key ${p.key}: a key starts with a lower-case letter and has only lower-case letters, digits and hyphens, at most 32 (e.g. gyokaku-2021)`,
  'plans.import.otherYear': (p) =>
    `--key ${p.key}: that plan is of fiscal ${p.storedYear}. A plan of fiscal ${p.year} is a new plan, not a revision: choose another key (e.g. --key ${p.suggestion})`,
  'plans.import.keyTaken': (p) =>
    `Key ${p.key} is taken by a plan with another title, "${p.title}". To correct that plan use --key ${p.key}; for another plan choose a new key with --key`,
  'plans.carryOver.heading': (p) => `Unfinished last year (plan ${p.key}, fiscal ${p.year}): ${p.count}`,
  'plans.carryOver.none': (p) => `Unfinished last year (plan ${p.key}, fiscal ${p.year}): none`,
  'plans.carryOver.line': (p) => `  ${p.id} ${p.title} — ${p.status} — ${p.owners}${p.due ? ` — due ${p.due}` : ''}`,
  'plans.cli.unknownKey': (p) => `There is no plan ${p.key}. Stored plans: ${p.keys}`,
  'plans.cli.noPlanOfYear': (p) => `There is no plan of fiscal ${p.year}. Stored plans: ${p.keys}`,
  'plans.cli.badYear': (p) => `--year ${p.year}: give the fiscal year as four digits (e.g. --year 2020)`,
  'plans.cli.list': (p) => `Stored plans (${p.count}):`,
  'plans.cli.listLine': (p) => `  ${p.mark} ${p.key} — fiscal ${p.year} — ${p.title}${p.over ? ' (period over, read-only)' : ''}`,
  'plans.cli.periodOver': (p) => `This plan's period (${p.start} to ${p.end}) is over: it is read-only and sends no reminders and no digest`,
  'plans.chat.addressed': (p) => `Plan ${p.key} of fiscal ${p.year}, "${p.title}"${p.over ? ` (its period ended on ${p.end}: read-only)` : ''}`,
  'plans.chat.askedYear': (p) => `fiscal ${p.year}`,
  'plans.chat.askedKey': (p) => `key ${p.key}`,
  'plans.chat.unknownPlan': (p) => `There is no plan of ${p.asked}`,
  'plans.chat.storedPlans': (p) => `Stored plans: ${p.list}`,
  'plans.chat.storedPlan': (p) => `${p.key} (fiscal ${p.year}, "${p.title}")`,
  'plans.chat.noStoredPlans': 'No plan is stored yet',
  'plans.chat.choose': 'Name a fiscal year with --year 2020 (2020年度, 令和2年度) or a plan with --plan KEY (計画 KEY)',
  'plans.chat.badPlan': (p) => `Could not read "${p.word}" as a fiscal year or plan key (e.g. --year 2020, 2020年度, 令和2年度, --plan gyokaku-2021, 計画 gyokaku-2021)`,
  'plans.chat.readOnly': (p) => `The plan of fiscal ${p.year}, "${p.title}", is read-only: its period ended on ${p.end}. Its statuses and due dates cannot be changed`,
  'plans.digest.carryOver': (p) => `Unfinished from last year: ${p.count} (plan ${p.key}, fiscal ${p.year})`,
  'plans.catchup.notice': (p) =>
    `While the bot was stopped (${p.from} to ${p.to}, ${p.days} business days), ${p.count} reminders were not sent. Only the last ${p.window} business days are caught up (REMINDER_CATCHUP_BUSINESS_DAYS)`,
  'plans.catchup.title': 'Reminders while the bot was stopped',
  'plans.start.downtime': (p) => `Last run: ${p.lastDay}. Of the ${p.days} business days since, only the last ${p.window} are caught up`,
  'plans.start.periodOver': (p) => `The period of plan "${p.title}" ended on ${p.end}: no reminders and no digest are sent`,
  'plans.demo.database': (p) => `Demo database: ${p.path} (apart from the one Slack/Teams use; delete this file to start over)`,
};

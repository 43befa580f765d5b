/**
 * The one message catalogue. Every string a user reads comes from here:
 * Japanese first, English on request. `en` must have exactly the keys of `ja`.
 */
export type Lang = 'ja' | 'en';

type Params = Record<string, string | number>;
type Message = string | ((p: Params) => string);

const ja = {
  // Import warnings: why a line of the source was not placed in the plan.
  'warn.preambleUnplaced': '表の前にある行を読み取れませんでした',
  'warn.noFiscalYear': (p: Params) => `表題に年度(令和N年度)がありません。公表日から ${p.year} 年度と判断しました`,
  'warn.garbage': '文字化け(OCR の誤認識)と思われるため取り込みませんでした',
  'warn.pageFooter': 'ページ番号・フッターのため取り込みませんでした',
  'warn.ownerNotDivision': '担当課の欄にありますが、課の名前として読めません',
  'warn.rowOutsideTable': '表の列に収まらない行です',
  'warn.rowBeforeInitiative': '具体的取組(番号)より前の行です',
  'warn.unknownNumberCell': (p: Params) => `番号の欄「${p.cell}」を読めません`,
  'warn.pillarNumeral': (p: Params) => `柱の番号「${p.cell}」を読めません。順番から ${p.id} としました`,
  'warn.pillarTitleDamaged': (p: Params) => `柱の名称が崩れています。「${p.title}」と読みました。確認してください`,
  'warn.itemFragment': '取組項目の欄の断片です。どの項目にも結びつきません',
  'warn.itemGarbage': '取組項目の名称が文字化けしているため取り込みませんでした',
  'warn.itemFromHeading': (p: Params) => `取組項目の欄にない項目です。${p.column}の見出しから「${p.title}」を作りました`,
  'warn.itemNoMilestones': (p: Params) => `取組項目「${p.title}」には年次計画の行がありません(抽出で失われた可能性があります)。計画ファイルで補ってください`,
  'warn.itemNoOwners': (p: Params) => `取組項目「${p.title}」の担当課が見つかりません`,
  'warn.ownerHeadingUnmatched': (p: Params) => `担当課の見出し「${p.title}」に当たる取組項目がありません`,
  'warn.textBeforeHeading': '年次計画の見出しより前の文で、取組の行ではないため取り込みませんでした',
  'warn.textNoBullet': '「・」も見出しもない文で、スケジュールも読めないため取り込みませんでした',
  'warn.bulletFragment': '「・」の後に取組名がありません(行の分割による断片)',
  'warn.gluedBullet': '前の行と「・」でつながっていたため、二つの取組として読みました。確認してください',
  'warn.unscheduled': 'スケジュール(括弧内の時期)がありません',
  'warn.notASchedule': (p: Params) => `「(${p.text})」はスケジュールとして読めません`,
  'warn.ocrFixedDash': '先頭の「ー」を「一」と読み替えました',
  // CLI: import report and plan listing.
  'cli.planHeader': (p: Params) => `計画: ${p.title}`,
  'cli.planMeta': (p: Params) => `${p.fiscalYear}年度 / 公表 ${p.publishedOn} / 取りまとめ ${p.coordinator}`,
  'cli.counts': (p: Params) => `柱 ${p.pillars} / 具体的取組 ${p.initiatives} / 取組項目 ${p.items} / 年次計画の行 ${p.milestones}`,
  'cli.kinds': (p: Params) => `スケジュール: ${p.list}`,
  'cli.milestoneCount': (p: Params) => `${p.count} 件`,
  'cli.warningsHeader': (p: Params) => `確認が必要な行 ${p.count} 件 (計画に取り込んでいません):`,
  'cli.warningLine': (p: Params) => `  ${p.line}行目: ${p.text}\n      → ${p.reason}`,
  'cli.noWarnings': '確認が必要な行はありません',
  'cli.diffHeader': (p: Params) => `保存済みの計画との差分: 追加 ${p.added} / 変更 ${p.changed} / 削除 ${p.removed} / 変更なし ${p.unchanged}`,
  'cli.diffNew': '保存済みの計画はありません。すべて新規に登録します',
  'cli.diffFields': (p: Params) => `(${p.fields})`,
  'cli.dryRun': 'ドライラン: データベースには何も書き込んでいません',
  'cli.stored': (p: Params) => `保存しました: ${p.database}`,
  'cli.noStoredPlan': (p: Params) => `データベース ${p.database} に計画がありません。先に shinchoku import FILE を実行してください`,
  'cli.due': (p: Params) => `期限 ${p.dates}`,
  'cli.noDue': '期限なし',
  'cli.owners': (p: Params) => `担当: ${p.owners}`,
  'cli.fileMissing': (p: Params) => `${p.file}: ファイルがありません`,
  'cli.fileUnreadable': (p: Params) => `${p.file}: ファイルを読めません (${p.reason})`,
  // Reminder kinds, shared by every renderer.
  'kind.kickoff': '着手',
  'kind.lead': '期限前',
  'kind.due': '本日期限',
  'kind.overdue': '期限超過',
  'kind.escalation': 'エスカレーション',
  'kind.checkin': '状況確認',
  // CLI: preview.
  'preview.day': (p: Params) => `${p.date} (${p.weekday}) ${p.time}`,
  'preview.line': (p: Params) => `  ${p.kind}  ${p.id}  ${p.division}  ${p.due}  ${p.title}`,
  'preview.dueOn': (p: Params) => `期限 ${p.date}`,
  'preview.escalationOf': (p: Params) => `(担当 ${p.owner})`,
  'preview.total': (p: Params) => `合計 ${p.count} 件 (${p.days} 営業日)`,
  'preview.none': 'この期間に送るリマインダーはありません',
  'preview.badRange': (p: Params) => `--from ${p.from} と --to ${p.to} は YYYY-MM-DD 形式で、from ≦ to にしてください`,
  // ── CLI: outbox (src/cli/outbox.ts). ──
  'outbox.line': (p: Params) => `#${p.id}  ${p.day}  ${p.status}  ${p.division} → ${p.channel}  試行 ${p.attempts}  ts ${p.ts}${p.error}`,
  'outbox.lastError': (p: Params) => `  エラー: ${p.error}`,
  'outbox.noChannel': '(チャンネルなし)',
  'outbox.unmapped': '(担当課のチャンネル未設定: 取りまとめへ)',
  'outbox.status.pending': '送信待ち',
  'outbox.status.sending': '送信中',
  'outbox.status.sent': '送信済み',
  'outbox.status.failed': '失敗',
  'outbox.total': (p: Params) => `合計 ${p.count} 件`,
  'outbox.none': 'アウトボックスにメッセージはありません',
  'outbox.noneFailed': '送信に失敗したメッセージはありません',
  'outbox.retryHint': '失敗したメッセージは shinchoku outbox retry ID で再送できます',
  'outbox.badId': (p: Params) => `「${p.id}」はメッセージ ID ではありません (shinchoku outbox で表示される番号を指定してください)`,
  'outbox.unknownId': (p: Params) => `メッセージ ${p.id} はありません (shinchoku outbox で一覧を確認してください)`,
  'outbox.notFailed': (p: Params) => `メッセージ ${p.id} は「${p.status}」です。再送できるのは失敗したメッセージだけです`,
  'outbox.retried': (p: Params) => `メッセージ ${p.id} を送信待ちに戻しました (${p.division} → ${p.channel})`,
  // ── end of CLI: outbox ──
  // ── Reminder messages (src/adapters/slack/render-reminder.ts; Teams and shell may reuse). ──
  'reminder.header': (p: Params) => `年次計画のお知らせ: ${p.division}`,
  'reminder.day': (p: Params) => `${p.date} — ${p.count} 件`,
  'reminder.prompt': '各行のボタンで状況を報告してください。「コメント」から詳しく書けます',
  'reminder.unmapped': (p: Params) => `担当課 ${p.division} にチャンネルが設定されていないため、取りまとめチャンネルに送っています`,
  'reminder.missed': 'ボットが停止していた間に送れなかったお知らせを、まとめて送ります(各行に本来の送信日があります)',
  'reminder.kindTag': (p: Params) => `【${p.kind}】`,
  'reminder.due': (p: Params) => `期限 ${p.date}`,
  'reminder.checkpoint': (p: Params) => `${p.month}分`,
  'reminder.status': (p: Params) => `状況 ${p.status}`,
  'reminder.daysOverdue': (p: Params) => `${p.days} 営業日超過`,
  'reminder.owner': (p: Params) => `担当 ${p.owner}`,
  'reminder.originalDate': (p: Params) => `本来の送信日 ${p.date}`,
  'reminder.separator': ' ／ ',
  'reminder.more': (p: Params) => `他 ${p.count} 件。${p.command} で確認できます`,
  'reminder.button.comment': 'コメント',
  'reminder.fallback': (p: Params) => `年次計画のお知らせ: ${p.division} (${p.count} 件) ${p.list}`,
  // ── end of reminder messages ──
  'start.banner': (p: Params) => `shinchoku を起動しました — モード: ${p.mode} / 計画: ${p.plan} / データベース: ${p.database} / 担当課の対応表: ${p.directory}`,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, Message> = {
  'warn.preambleUnplaced': 'a line before the table could not be read',
  'warn.noFiscalYear': (p) => `the title has no fiscal year (令和N年度); took FY${p.year} from the publication date`,
  'warn.garbage': 'looks like OCR garbage; not imported',
  'warn.pageFooter': 'page number or footer; not imported',
  'warn.ownerNotDivision': 'in the owner column but not readable as a division name',
  'warn.rowOutsideTable': 'the line does not fit the table columns',
  'warn.rowBeforeInitiative': 'a row before the first initiative (番号)',
  'warn.unknownNumberCell': (p) => `cannot read the number cell "${p.cell}"`,
  'warn.pillarNumeral': (p) => `cannot read the pillar numeral "${p.cell}"; numbered ${p.id} by order`,
  'warn.pillarTitleDamaged': (p) => `the pillar title is damaged; read as "${p.title}" — please check`,
  'warn.itemFragment': 'a fragment in the item column that belongs to no item',
  'warn.itemGarbage': 'the item title is garbled (OCR); not imported',
  'warn.itemFromHeading': (p) => `item not in the item column; created "${p.title}" from the ${p.column} heading`,
  'warn.itemNoMilestones': (p) => `item "${p.title}" has no annual-plan lines (the extractor may have lost them); add them in the plan file`,
  'warn.itemNoOwners': (p) => `no owner division found for item "${p.title}"`,
  'warn.ownerHeadingUnmatched': (p) => `owner heading "${p.title}" matches no item`,
  'warn.textBeforeHeading': 'prose before the first plan heading; not a milestone',
  'warn.textNoBullet': 'text with neither a bullet nor a group heading, and no readable schedule; not imported',
  'warn.bulletFragment': 'a bullet with no title (a fragment of a split row)',
  'warn.gluedBullet': 'a bullet ・ was glued to the previous line; read as two milestones — please check',
  'warn.unscheduled': 'no schedule (no period in parentheses)',
  'warn.notASchedule': (p) => `"(${p.text})" is not a schedule`,
  'warn.ocrFixedDash': 'read a leading "ー" as "一"',
  'cli.planHeader': (p) => `Plan: ${p.title}`,
  'cli.planMeta': (p) => `FY${p.fiscalYear} / published ${p.publishedOn} / coordinator ${p.coordinator}`,
  'cli.counts': (p) => `${p.pillars} pillars / ${p.initiatives} initiatives / ${p.items} items / ${p.milestones} milestones`,
  'cli.kinds': (p) => `Schedules: ${p.list}`,
  'cli.milestoneCount': (p) => `${p.count} milestones`,
  'cli.warningsHeader': (p) => `${p.count} lines need review (not imported into the plan):`,
  'cli.warningLine': (p) => `  line ${p.line}: ${p.text}\n      → ${p.reason}`,
  'cli.noWarnings': 'No lines need review',
  'cli.diffHeader': (p) => `Against the stored plan: ${p.added} added / ${p.changed} changed / ${p.removed} removed / ${p.unchanged} unchanged`,
  'cli.diffNew': 'No plan stored yet; everything is new',
  'cli.diffFields': (p) => `(${p.fields})`,
  'cli.dryRun': 'Dry run: nothing was written to the database',
  'cli.stored': (p) => `Stored in ${p.database}`,
  'cli.noStoredPlan': (p) => `No plan in the database ${p.database}; run shinchoku import FILE first`,
  'cli.due': (p) => `due ${p.dates}`,
  'cli.noDue': 'no due date',
  'cli.owners': (p) => `owners: ${p.owners}`,
  'cli.fileMissing': (p) => `${p.file}: no such file`,
  'cli.fileUnreadable': (p) => `${p.file}: cannot read the file (${p.reason})`,
  'kind.kickoff': 'Kick-off',
  'kind.lead': 'Coming up',
  'kind.due': 'Due today',
  'kind.overdue': 'Overdue',
  'kind.escalation': 'Escalation',
  'kind.checkin': 'Check-in',
  'preview.day': (p) => `${p.date} (${p.weekday}) ${p.time}`,
  'preview.line': (p) => `  ${p.kind}  ${p.id}  ${p.division}  ${p.due}  ${p.title}`,
  'preview.dueOn': (p) => `due ${p.date}`,
  'preview.escalationOf': (p) => `(owner ${p.owner})`,
  'preview.total': (p) => `${p.count} reminders on ${p.days} business days`,
  'preview.none': 'No reminders in this period',
  'preview.badRange': (p) => `--from ${p.from} and --to ${p.to} must be YYYY-MM-DD with from ≤ to`,
  // ── CLI: outbox (src/cli/outbox.ts). ──
  'outbox.line': (p) => `#${p.id}  ${p.day}  ${p.status}  ${p.division} → ${p.channel}  attempts ${p.attempts}  ts ${p.ts}${p.error}`,
  'outbox.lastError': (p) => `  error: ${p.error}`,
  'outbox.noChannel': '(no channel)',
  'outbox.unmapped': '(division has no channel: sent to the coordinator)',
  'outbox.status.pending': 'pending',
  'outbox.status.sending': 'sending',
  'outbox.status.sent': 'sent',
  'outbox.status.failed': 'failed',
  'outbox.total': (p) => `${p.count} ${p.count === 1 ? 'message' : 'messages'}`,
  'outbox.none': 'The outbox is empty',
  'outbox.noneFailed': 'No message failed to be delivered',
  'outbox.retryHint': 'Retry a failed message with shinchoku outbox retry ID',
  'outbox.badId': (p) => `"${p.id}" is not a message id (use a number that shinchoku outbox lists)`,
  'outbox.unknownId': (p) => `there is no message ${p.id} (shinchoku outbox lists them)`,
  'outbox.notFailed': (p) => `message ${p.id} is ${p.status}; only failed messages can be retried`,
  'outbox.retried': (p) => `message ${p.id} is pending again (${p.division} → ${p.channel})`,
  // ── end of CLI: outbox ──
  // ── Reminder messages (src/adapters/slack/render-reminder.ts; Teams and shell may reuse). ──
  'reminder.header': (p) => `Plan reminders: ${p.division}`,
  'reminder.day': (p) => `${p.date} — ${p.count} ${p.count === 1 ? 'reminder' : 'reminders'}`,
  'reminder.prompt': 'Report the status with the buttons on each line; Comment lets you add details',
  'reminder.unmapped': (p) => `Division ${p.division} has no channel, so its reminders come to the coordinator channel`,
  'reminder.missed': 'Reminders that could not be sent while the bot was offline, together in one message (each line shows the day it was due to be sent)',
  'reminder.kindTag': (p) => `[${p.kind}] `,
  'reminder.due': (p) => `due ${p.date}`,
  'reminder.checkpoint': (p) => `for ${p.month}`,
  'reminder.status': (p) => `status: ${p.status}`,
  'reminder.daysOverdue': (p) => `${p.days} business ${p.days === 1 ? 'day' : 'days'} overdue`,
  'reminder.owner': (p) => `owner ${p.owner}`,
  'reminder.originalDate': (p) => `originally for ${p.date}`,
  'reminder.separator': ' | ',
  'reminder.more': (p) => `${p.count} more — run ${p.command} to see them`,
  'reminder.button.comment': 'Comment',
  'reminder.fallback': (p) => `Plan reminders: ${p.division} (${p.count}) ${p.list}`,
  // ── end of reminder messages ──
  'start.banner': (p) => `shinchoku started — mode: ${p.mode} / plan: ${p.plan} / database: ${p.database} / directory: ${p.directory}`,
};

const catalogs: Record<Lang, Record<MessageKey, Message>> = { ja, en };

/** Renders one message in the given language. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = catalogs[lang][key];
  return typeof message === 'function' ? message(params) : message;
}

/** A translator bound to one language, for passing to code that renders text. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

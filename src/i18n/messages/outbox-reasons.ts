// Why a message could not be delivered, for `shinchoku outbox` beside the
// platform's own code: the permanent failures each need a person, and this
// says which person and what to do.
import type { Message } from '../message.ts';

export const ja = {
  'outbox.reason.teams_forbidden': 'アプリがチームから削除されたか、ブロックされています。チームにアプリを追加し直してください',
  'outbox.reason.teams_not_found': '会話 (チャンネル) が見つかりません。対応表のチャンネル ID (19:…@thread.tacv2) を確かめてください',
  'outbox.reason.teams_too_large': 'メッセージが Teams の上限 (約 40 KB) を超えました。不具合として報告してください',
  'outbox.reason.teams_unauthorized': 'Bot Connector がボットのトークンを受け付けません。TEAMS_APP_ID と TEAMS_APP_PASSWORD を確かめてください',
  'outbox.reason.teams_bad_request': 'Bot Connector がメッセージを受け付けません。不具合として報告してください',
  'outbox.reason.channel_not_found': 'チャンネルが見つかりません。対応表のチャンネル ID を確かめてください',
  'outbox.reason.not_in_channel': 'ボットがチャンネルに参加していません。チャンネルで /invite @shinchoku を実行してください',
  'outbox.reason.is_archived': 'チャンネルがアーカイブされています。対応表に別のチャンネルを設定してください',
  'outbox.reason.invalid_auth': 'Slack がトークンを受け付けません。SLACK_BOT_TOKEN を確かめてください',
  'outbox.reason.token_revoked': 'トークンが取り消されています。アプリを再インストールして SLACK_BOT_TOKEN を更新してください',
  'outbox.reason.account_inactive': 'ボットのアカウントが無効です。アプリを再インストールしてください',
  'outbox.reason.missing_scope': 'アプリに必要な権限 (スコープ) がありません。manifest.yaml のスコープでアプリを再インストールしてください',
  'outbox.reason.msg_too_long': 'メッセージが Slack の上限を超えました。不具合として報告してください',
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'outbox.reason.teams_forbidden': 'The app was removed from the team or blocked: add the app to the team again',
  'outbox.reason.teams_not_found': 'No such conversation (channel): check the channel id (19:…@thread.tacv2) in the directory',
  'outbox.reason.teams_too_large': 'The message is over Teams’ limit (about 40 KB): please report this as a bug',
  'outbox.reason.teams_unauthorized': 'The Bot Connector refused the bot’s token: check TEAMS_APP_ID and TEAMS_APP_PASSWORD',
  'outbox.reason.teams_bad_request': 'The Bot Connector refused the message: please report this as a bug',
  'outbox.reason.channel_not_found': 'No such channel: check the channel id in the directory',
  'outbox.reason.not_in_channel': 'The bot is not in the channel: run /invite @shinchoku in it',
  'outbox.reason.is_archived': 'The channel is archived: map the division to another channel',
  'outbox.reason.invalid_auth': 'Slack refused the token: check SLACK_BOT_TOKEN',
  'outbox.reason.token_revoked': 'The token was revoked: reinstall the app and update SLACK_BOT_TOKEN',
  'outbox.reason.account_inactive': 'The bot’s account is inactive: reinstall the app',
  'outbox.reason.missing_scope': 'The app lacks a permission (scope): reinstall it with the scopes in manifest.yaml',
  'outbox.reason.msg_too_long': 'The message is over Slack’s limit: please report this as a bug',
};

// Messages for Microsoft Teams: the app, commands, dialogs, delivery, doctor, the app package.
import type { Message, Params } from '../message.ts';

export const ja = {
  // Settings (SPEC §7.2): named together with every other bad setting.
  'teams.config.bothPlatforms': (p: Params) =>
    `Slack と Teams の設定が両方あります (${p.slack} / ${p.teams})。1 つの配置で使えるチャット基盤は 1 つです。使わない方の設定を .env から消してください`,
  'teams.config.noAppId': (p: Params) => `${p.names} がありますが TEAMS_APP_ID がありません。Teams を使うなら TEAMS_APP_ID (Microsoft Entra のアプリケーション ID) を設定し、使わないなら ${p.names} を消してください`,
  'teams.config.missing': (p: Params) => `TEAMS_APP_ID には ${p.names} も必要です (Entra アプリのクライアント シークレットとテナント ID)`,
  // Start.
  'teams.start.tokenRefused': (p: Params) =>
    `Microsoft Entra がボットのトークンを発行しませんでした (${p.reason})。TEAMS_APP_ID・TEAMS_APP_PASSWORD (クライアント シークレットの「値」)・TEAMS_TENANT_ID を確かめてください (npx shinchoku doctor)`,
  'teams.start.portInUse': (p: Params) => `ポート ${p.port} で待ち受けられません (${p.reason})。PORT に空いているポートを設定してください`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'teams.config.bothPlatforms': (p: Params) =>
    `both Slack and Teams are configured (${p.slack} / ${p.teams}); a deployment runs one chat platform: remove the other's settings from .env`,
  'teams.config.noAppId': (p: Params) => `${p.names} set but TEAMS_APP_ID is not; set TEAMS_APP_ID (the Microsoft Entra application id) to use Teams, or remove ${p.names}`,
  'teams.config.missing': (p: Params) => `TEAMS_APP_ID also needs ${p.names} (the Entra app's client secret and tenant id)`,
  'teams.start.tokenRefused': (p: Params) =>
    `Microsoft Entra did not issue the bot's token (${p.reason}): check TEAMS_APP_ID, TEAMS_APP_PASSWORD (the client secret's Value) and TEAMS_TENANT_ID (npx shinchoku doctor)`,
  'teams.start.portInUse': (p: Params) => `cannot listen on port ${p.port} (${p.reason}): set PORT to a free port`,
};

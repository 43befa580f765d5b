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
  // The app package (shinchoku teams-package): the manifest's words and the command's report.
  'teams.package.developer': '進捗 (shinchoku)',
  'teams.package.fullName': '進捗 — 年次計画の進行管理',
  'teams.package.shortDescription': '年次計画の期限を担当課に知らせ、状況報告を集めます',
  'teams.package.fullDescription':
    '行財政改革などの年次計画について、期限の前に担当課のチャネルへお知らせを送り、ボタンやコマンドで状況 (完了・順調・注意・遅延) の報告を集め、毎週のダイジェストを取りまとめのチャネルに送ります。',
  'teams.package.command.status': '計画の概要。status 1-1-2 で取組ひとつ、status 総務部人事課 で課ごと',
  'teams.package.command.mine': '自分の課の取組',
  'teams.package.command.update': '状況の報告: update 1-1-2 完了 コメント',
  'teams.package.command.overdue': '期限を過ぎた取組',
  'teams.package.command.upcoming': 'これから期限が来る取組',
  'teams.package.command.history': '報告の履歴: history 1-1-2',
  'teams.package.command.due': '期限の変更 (取りまとめ担当): due 1-1-2 2021-02',
  'teams.package.command.digest': '週次ダイジェストの表示',
  'teams.package.command.owner': '担当課のチャネル: owner 総務部人事課 (そのチャネルで)',
  'teams.package.command.help': '使い方',
  'teams.package.written': (p: Params) => `${p.file} を書き出しました (${p.bytes} バイト、アプリ ID ${p.appId}、バージョン ${p.version})。Teams の「アプリ → アプリを管理 → アプリをアップロード」から、チームに追加してください`,
  'teams.package.noAppId': 'TEAMS_APP_ID が設定されていません。.env に Microsoft Entra アプリのアプリケーション ID を設定してから実行してください',
  'teams.package.badVersion': (p: Params) => `バージョン「${p.version}」は 1.0.0 のような形で指定してください`,
  'teams.package.badDomain': (p: Params) => `ドメイン「${p.domain}」はホスト名だけで指定してください (例: bot.example.lg.jp)`,
  'teams.package.badWebsite': (p: Params) => `--website「${p.url}」は https:// で始まる URL で指定してください`,
  'teams.package.noWebsite': '注意: --website がないため、開発者の URL に https://example.com/ を入れました。組織のページがあれば --website で指定してください',
  // doctor (src/cli/doctor-teams.ts).
  'teams.doctor.token': (p: Params) => `Teams: ボットのトークンを取得できました (アプリ ${p.appId}、テナント ${p.tenant})`,
  'teams.doctor.tokenFailed': (p: Params) => `Teams: ボットのトークンを取得できません (${p.reason})`,
  'teams.doctor.fixToken': 'TEAMS_APP_ID (アプリケーション ID)、TEAMS_APP_PASSWORD (クライアント シークレットの「値」。期限切れなら作り直す)、TEAMS_TENANT_ID を Microsoft Entra 管理センターのアプリ登録で確かめてください。プロキシの内側なら HTTPS_PROXY も',
  'teams.doctor.notTeamsIds': (p: Params) => `Teams のチャネル ID ではない channel があります: ${p.list}`,
  'teams.doctor.fixIds': (p: Params) => `${p.file} の channel には 19:…@thread.tacv2 の形のチャネル ID を書いてください (そのチャネルで「@shinchoku owner 課名」と送ると自動で書き込まれます)`,
  'teams.doctor.installed': (p: Params) => `Teams: 対応表のチャネル ${p.count} 件すべてにアプリが追加されています`,
  'teams.doctor.notInstalled': (p: Params) => `Teams: アプリが追加されていない (または記録のない) チャネルがあります: ${p.list}`,
  'teams.doctor.fixInstall': 'そのチャネルのチームに shinchoku アプリを追加してください (npx shinchoku teams-package で作ったパッケージをアップロード)。追加されるとボットがチームとチャネルを記録します',
  'teams.doctor.graph': 'Teams: Microsoft Graph でチャネルのメッセージを確認できます (送信済みのカードを見つけて二重送信を防げます)',
  'teams.doctor.graphForbidden': 'Teams: Microsoft Graph がチャネルのメッセージを読ませません (ChannelMessage.Read.Group が許可されていません)。このままでは、送信と記録の間に停止した場合に同じカードが 2 回届くことがあります (失われることはありません)',
  'teams.doctor.graphUnknown': 'Teams: アプリが追加されたチームの記録がないため、Microsoft Graph の権限を確かめられません',
  'teams.doctor.graphFailed': (p: Params) => `Teams: Microsoft Graph に問い合わせできません (${p.reason})`,
  'teams.doctor.fixGraph': 'チームの所有者がアプリの追加時に表示される権限 (このチームのチャネル メッセージの読み取り) を許可してください。許可済みならアプリをいったん削除して追加し直します。TEAMS_GRAPH_URL とプロキシ設定も確かめてください',
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'teams.config.bothPlatforms': (p: Params) =>
    `both Slack and Teams are configured (${p.slack} / ${p.teams}); a deployment runs one chat platform: remove the other's settings from .env`,
  'teams.config.noAppId': (p: Params) => `${p.names} set but TEAMS_APP_ID is not; set TEAMS_APP_ID (the Microsoft Entra application id) to use Teams, or remove ${p.names}`,
  'teams.config.missing': (p: Params) => `TEAMS_APP_ID also needs ${p.names} (the Entra app's client secret and tenant id)`,
  'teams.start.tokenRefused': (p: Params) =>
    `Microsoft Entra did not issue the bot's token (${p.reason}): check TEAMS_APP_ID, TEAMS_APP_PASSWORD (the client secret's Value) and TEAMS_TENANT_ID (npx shinchoku doctor)`,
  'teams.start.portInUse': (p: Params) => `cannot listen on port ${p.port} (${p.reason}): set PORT to a free port`,
  'teams.package.developer': 'shinchoku',
  'teams.package.fullName': 'shinchoku — keeps a yearly plan on schedule',
  'teams.package.shortDescription': 'Reminds divisions of the plan’s deadlines and collects their status reports',
  'teams.package.fullDescription':
    'For a yearly reform plan: reminds each owner division in its channel before deadlines, collects status reports (done, on track, at risk, delayed) through buttons and commands, and posts a weekly digest to the coordinator channel.',
  'teams.package.command.status': 'Plan summary; status 1-1-2 for one milestone, status <division> for a division',
  'teams.package.command.mine': 'Milestones of your divisions',
  'teams.package.command.update': 'Report a status: update 1-1-2 done comment',
  'teams.package.command.overdue': 'Milestones past their due date',
  'teams.package.command.upcoming': 'Milestones coming due',
  'teams.package.command.history': 'Report history: history 1-1-2',
  'teams.package.command.due': 'Revise a due month (coordinators): due 1-1-2 2021-02',
  'teams.package.command.digest': 'Show the weekly digest',
  'teams.package.command.owner': 'A division’s channel: owner <division> (typed in that channel)',
  'teams.package.command.help': 'How to use it',
  'teams.package.written': (p: Params) => `wrote ${p.file} (${p.bytes} bytes, app id ${p.appId}, version ${p.version}); add it to a team in Teams: Apps → Manage your apps → Upload an app`,
  'teams.package.noAppId': 'TEAMS_APP_ID is not set: put the Microsoft Entra application id in .env first',
  'teams.package.badVersion': (p: Params) => `version "${p.version}" must look like 1.0.0`,
  'teams.package.badDomain': (p: Params) => `domain "${p.domain}" must be a host name only (e.g. bot.example.lg.jp)`,
  'teams.package.badWebsite': (p: Params) => `--website "${p.url}" must be an https:// URL`,
  'teams.package.noWebsite': 'note: without --website the developer URLs are https://example.com/; give your organisation’s page with --website',
  'teams.doctor.token': (p: Params) => `Teams: the bot got its token (app ${p.appId}, tenant ${p.tenant})`,
  'teams.doctor.tokenFailed': (p: Params) => `Teams: the bot cannot get its token (${p.reason})`,
  'teams.doctor.fixToken': 'check TEAMS_APP_ID (application id), TEAMS_APP_PASSWORD (the client secret’s Value; make a new one if it expired) and TEAMS_TENANT_ID in the app registration of the Microsoft Entra admin center; behind a proxy, HTTPS_PROXY too',
  'teams.doctor.notTeamsIds': (p: Params) => `channels that are not Teams channel ids: ${p.list}`,
  'teams.doctor.fixIds': (p: Params) => `write channel ids of the form 19:…@thread.tacv2 in ${p.file} (sending "@shinchoku owner <division>" in the channel writes it for you)`,
  'teams.doctor.installed': (p: Params) => `Teams: the app is in all ${p.count} channels the directory names`,
  'teams.doctor.notInstalled': (p: Params) => `Teams: the app is not in (or not recorded for) the channels of: ${p.list}`,
  'teams.doctor.fixInstall': 'add the shinchoku app to those channels’ teams (upload the package from npx shinchoku teams-package); the bot records the team and its channels when added',
  'teams.doctor.graph': 'Teams: Microsoft Graph lists the channel’s messages (a card already sent is found, never sent twice)',
  'teams.doctor.graphForbidden': 'Teams: Microsoft Graph refuses the channel’s messages (ChannelMessage.Read.Group not granted); until it is, a stop between sending and recording can deliver a card twice (nothing is lost)',
  'teams.doctor.graphUnknown': 'Teams: no team with the app is recorded yet, so the Graph permission cannot be checked',
  'teams.doctor.graphFailed': (p: Params) => `Teams: Microsoft Graph cannot be asked (${p.reason})`,
  'teams.doctor.fixGraph': 'the team owner grants the permission shown when adding the app (read this team’s channel messages); if granted, remove the app and add it again; check TEAMS_GRAPH_URL and the proxy too',
};

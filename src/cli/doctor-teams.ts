// The Teams part of `shinchoku doctor` (issue 14): the bot can get its token;
// every channel the directory names is a Teams channel where the app is
// installed; Microsoft Graph answers for the channel messages (the
// resource-specific permission ChannelMessage.Read.Group), without which a
// crash at the wrong instant can post a card twice. Each failure says what to do.
import type { Config } from '../config.ts';
import { teamsSettingsOf } from '../config.ts';
import type { Directory } from '../domain/directory.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Check } from './doctor.ts';

/** A Teams channel's conversation id, as the directory names it. */
const CHANNEL_ID = /^19:[^\s;]+@thread\.(tacv2|skype)$/u;

export async function checkTeams(config: Config, directory: Directory | null, t: Translate): Promise<Check[]> {
  const settings = teamsSettingsOf(config);
  if (settings === null) return [];
  // Loaded only when Teams is configured: the SDK is heavy.
  const { teamsEndpointsOf } = await import('../adapters/teams/teams-endpoints.ts');
  const { createBotTokenSource } = await import('../adapters/teams/bot-token-source.ts');
  const endpoints = teamsEndpointsOf(settings);
  const tokens = createBotTokenSource({ tokenUrl: endpoints.tokenUrl, clientId: settings.appId, clientSecret: settings.appPassword });
  try {
    await tokens.token(endpoints.botScope);
  } catch (error) {
    // Nothing else can be checked without the bot's token: one line, not one per check.
    return [{ ok: false, line: t('teams.doctor.tokenFailed', { reason: error instanceof Error ? error.message : String(error) }), fix: t('teams.doctor.fixToken') }];
  }
  const checks: Check[] = [{ ok: true, line: t('teams.doctor.token', { appId: settings.appId, tenant: settings.tenantId }) }];
  if (directory === null) return checks;
  const named = namedChannels(directory);
  const notTeams = named.filter((entry) => !CHANNEL_ID.test(entry.channel));
  if (notTeams.length > 0) {
    checks.push({ ok: false, line: t('teams.doctor.notTeamsIds', { list: notTeams.map((e) => `${e.division} (${e.channel})`).join('、') }), fix: t('teams.doctor.fixIds', { file: config.SHINCHOKU_DIRECTORY }) });
  }
  const { openDatabase, closeDatabase } = await import('../adapters/db/connect.ts');
  const { createTeamsConversationStore } = await import('../adapters/db/teams-conversation-store.ts');
  let db;
  try {
    db = await openDatabase(config.DATABASE_URL);
  } catch {
    // The database check above already says what is wrong with it.
    return checks;
  }
  try {
    const store = createTeamsConversationStore(db);
    const recorded = new Map((await store.channels()).map((c) => [c.conversationId, c]));
    const missing = named.filter((e) => CHANNEL_ID.test(e.channel) && !recorded.get(e.channel)?.installed);
    checks.push(
      missing.length === 0
        ? { ok: true, line: t('teams.doctor.installed', { count: named.length }) }
        : { ok: false, line: t('teams.doctor.notInstalled', { list: missing.map((e) => e.division).join('、') }), fix: t('teams.doctor.fixInstall') },
    );
    const probe = [...recorded.values()].find((c) => c.installed && c.aadGroupId !== null);
    if (probe) checks.push(await checkGraph(endpoints, tokens, probe.aadGroupId!, probe.conversationId, t));
    else checks.push({ ok: false, line: t('teams.doctor.graphUnknown'), fix: t('teams.doctor.fixInstall') });
  } finally {
    await closeDatabase(db);
  }
  return checks;
}

/** The coordinator's and each division's channel, with whose it is. */
function namedChannels(directory: Directory): Array<{ division: string; channel: string }> {
  const list = directory.coordinator ? [{ division: directory.coordinator.division, channel: directory.coordinator.channel }] : [];
  for (const [division, entry] of directory.divisions) list.push({ division, channel: entry.channel });
  return list;
}

async function checkGraph(
  endpoints: { graphUrl: string; graphScope: string },
  tokens: { token(scope: string): Promise<string> },
  group: string,
  channel: string,
  t: Translate,
): Promise<Check> {
  const { requestJson } = await import('../adapters/teams/request-json.ts');
  try {
    const token = await tokens.token(endpoints.graphScope);
    const url = `${endpoints.graphUrl}/v1.0/teams/${encodeURIComponent(group)}/channels/${encodeURIComponent(channel)}/messages?$top=1`;
    const response = await requestJson({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (response.status === 200) return { ok: true, line: t('teams.doctor.graph') };
    if (response.status === 403) return { ok: false, line: t('teams.doctor.graphForbidden'), fix: t('teams.doctor.fixGraph') };
    return { ok: false, line: t('teams.doctor.graphFailed', { reason: `HTTP ${response.status}` }), fix: t('teams.doctor.fixGraph') };
  } catch (error) {
    return { ok: false, line: t('teams.doctor.graphFailed', { reason: error instanceof Error ? error.message : String(error) }), fix: t('teams.doctor.fixGraph') };
  }
}

// The Slack part of `shinchoku doctor`: the token works (auth.test), the
// token has every scope manifest.yaml asks for (Slack names the granted ones
// in the x-oauth-scopes header of every answer), and the bot is a member of
// every channel the directory names (conversations.info → is_member). Each
// kind of failure is one line with what to do.
import { webApi } from '@slack/bolt';
import type { Config } from '../config.ts';
import { channelFor, type Directory } from '../domain/directory.ts';
import type { Translate } from '../i18n/catalog.ts';
import { createOutboundFetch } from '../adapters/net/outbound-fetch.ts';
import { DEFAULT_SLACK_API_URL, explainUnreachable } from '../adapters/net/explain-unreachable.ts';
import { networkFailureOf } from '../adapters/net/network-failure.ts';
import { manifestBotScopes } from '../adapters/slack/manifest-scopes.ts';
import type { Check } from './doctor.ts';

export async function checkSlack(config: Config, directory: Directory | null, t: Translate): Promise<Check[]> {
  if (!config.SLACK_BOT_TOKEN) return [{ ok: true, line: t('doctor.noSlack') }];
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    fetch: createOutboundFetch(config.proxy),
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  let auth: webApi.AuthTestResponse;
  try {
    auth = await client.auth.test();
  } catch (error) {
    // Nothing else can be checked when Slack cannot be asked: one line, not one per check.
    const network = networkFailureOf(error);
    if (network) return [{ ok: false, ...explainUnreachable(network, config.SLACK_API_URL ?? DEFAULT_SLACK_API_URL, config.proxy, t) }];
    const reason = slackReason(error);
    if (TOKEN_CODES.has(reason)) return [{ ok: false, line: t('net.slackTokenRefused', { code: reason }), fix: t('doctor.fixSlack') }];
    return [{ ok: false, line: t('doctor.slackFailed', { reason }), fix: t('doctor.fixSlack') }];
  }
  return [
    { ok: true, line: t('doctor.slack', { team: auth.team ?? '?', user: auth.user ?? '?' }) },
    await checkScopes(auth.response_metadata?.scopes, t),
    ...(directory ? await checkChannels(client, directory, config.SHINCHOKU_DIRECTORY, t) : []),
  ];
}

async function checkScopes(granted: string[] | undefined, t: Translate): Promise<Check> {
  if (granted === undefined) return { ok: false, line: t('doctor.scopesUnknown'), fix: t('doctor.fixScopesUnknown') };
  const wanted = await manifestBotScopes();
  const missing = wanted.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) return { ok: false, line: t('doctor.scopesMissing', { scopes: missing.join(', ') }), fix: t('doctor.fixScopes') };
  return { ok: true, line: t('doctor.scopes', { count: wanted.length }) };
}

/** Every channel the directory names, with the divisions it serves: `C0JINJI001 (総務部人事課)`. */
function channelsOf(directory: Directory): Map<string, string[]> {
  const channels = new Map<string, string[]>();
  const add = (channel: string, division: string) => {
    if (channel === '') return;
    channels.set(channel, [...(channels.get(channel) ?? []), division]);
  };
  if (directory.coordinator) add(directory.coordinator.channel, directory.coordinator.division);
  for (const division of directory.divisions.keys()) add(channelFor(directory, division).channel, division);
  return channels;
}

async function checkChannels(client: webApi.WebClient, directory: Directory, file: string, t: Translate): Promise<Check[]> {
  const channels = channelsOf(directory);
  if (channels.size === 0) return [{ ok: true, line: t('doctor.noChannels') }];
  const notMember: string[] = [];
  const notFound: string[] = [];
  const unchecked = new Map<string, string[]>();
  // One at a time: a directory has a few dozen channels, well inside conversations.info's rate limit.
  for (const [channel, divisions] of channels) {
    const named = `${channel} (${divisions.join('、')})`;
    try {
      const info = await client.conversations.info({ channel });
      if (info.channel?.is_member !== true) notMember.push(named);
    } catch (error) {
      const reason = slackReason(error);
      if (reason === 'channel_not_found') notFound.push(named);
      else unchecked.set(reason, [...(unchecked.get(reason) ?? []), named]);
    }
  }
  const checks: Check[] = [];
  if (notMember.length > 0) checks.push({ ok: false, line: t('doctor.notInChannels', { channels: notMember.join('、') }), fix: t('doctor.fixNotInChannels') });
  if (notFound.length > 0) checks.push({ ok: false, line: t('doctor.channelsNotFound', { channels: notFound.join('、') }), fix: t('doctor.fixChannelsNotFound', { file }) });
  for (const [reason, named] of unchecked) checks.push({ ok: false, line: t('doctor.channelsUnchecked', { reason, channels: named.join('、') }), fix: t('doctor.fixChannelsUnchecked') });
  return checks.length > 0 ? checks : [{ ok: true, line: t('doctor.channels', { count: channels.size }) }];
}

/** auth.test's answers that mean the token itself is wrong, revoked or expired. */
const TOKEN_CODES: ReadonlySet<string> = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Slack's error code (`invalid_auth`, `channel_not_found`…), else the error's message. */
function slackReason(error: unknown): string {
  return (error as { data?: { error?: string } }).data?.error ?? (error instanceof Error ? error.message : String(error));
}

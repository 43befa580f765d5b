/**
 * The bot scopes the shipped Slack app manifest asks for (manifest.yaml at
 * the repository root): what `shinchoku doctor` expects the bot token to have.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export const MANIFEST_URL = new URL('../../../manifest.yaml', import.meta.url);

export async function manifestBotScopes(url: URL = MANIFEST_URL): Promise<string[]> {
  const manifest = parse(await readFile(url, 'utf8')) as { oauth_config?: { scopes?: { bot?: unknown } } } | null;
  const scopes = manifest?.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || !scopes.every((s): s is string => typeof s === 'string')) throw new Error(`${url.pathname}: oauth_config.scopes.bot is not a list of scopes`);
  return scopes;
}

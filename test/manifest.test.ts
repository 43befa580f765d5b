// The Slack app manifest asks for exactly what the bot uses (issue 5, item 9).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PLAN_COMMAND } from '../src/adapters/slack/app/plan-command.ts';

const manifest = parse(readFileSync(new URL('../manifest.yaml', import.meta.url), 'utf8')) as {
  features: { slash_commands: { command: string; should_escape: boolean }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('manifest.yaml', () => {
  it('declares /plan with escaping, interactivity, the Home tab and Socket Mode', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: PLAN_COMMAND, should_escape: true })]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for the scopes of the Web API methods the bot calls, and no others', () => {
    // chat.postMessage, chat.update → chat:write; conversations.history → *:history;
    // conversations.members → *:read; the slash command → commands. views.* need none.
    // /plan export: conversations.open (the asker's DM) → im:write; files.getUploadURLExternal / completeUploadExternal → files:write.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['channels:history', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:history', 'groups:read', 'im:write']);
  });
});

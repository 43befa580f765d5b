// `shinchoku teams-package`: the zip a coordinator uploads to Teams.
//
// Microsoft's manifest JSON schema cannot be downloaded here and is not in
// node_modules, so the manifest is checked against the constraints of the
// published schema v1.17 (MicrosoftTeams.schema.json) that this manifest
// touches, written out below: required fields, lengths, patterns, list sizes
// and enums. The official validator (Teams Developer Portal) remains the last word.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32Table } from '../../src/adapters/encode/crc32.ts';
import { pngSize } from '../../src/adapters/encode/png-chunks.ts';
import { readStoredZip } from '../../src/adapters/teams/package/write-zip.ts';
import { runCli } from '../../src/cli/main.ts';

const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/u;
const HTTPS = /^[Hh][Tt][Tt][Pp][Ss]:\/\//u;

/** The schema's constraints on what this manifest uses; each problem names the field. */
function schemaProblems(m: Record<string, any>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const allowed = ['$schema', 'manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor', 'bots', 'permissions', 'validDomains', 'webApplicationInfo', 'authorization'];
  for (const key of Object.keys(m)) check(allowed.includes(key), `unexpected property ${key}`);
  for (const key of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) check(key in m, `${key} is required`);
  check(m.manifestVersion === '1.17', 'manifestVersion');
  check(typeof m.version === 'string' && m.version.length <= 256 && /^\d+\.\d+\.\d+/u.test(m.version), 'version: semver');
  check(GUID.test(m.id), 'id: GUID');
  check(typeof m.developer?.name === 'string' && m.developer.name.length <= 32, 'developer.name ≤ 32');
  for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) check(HTTPS.test(m.developer?.[url] ?? '') && m.developer[url].length <= 2048, `developer.${url}: https URL`);
  check(typeof m.name?.short === 'string' && m.name.short.length <= 30, 'name.short ≤ 30');
  check(m.name?.full === undefined || m.name.full.length <= 100, 'name.full ≤ 100');
  check(typeof m.description?.short === 'string' && m.description.short.length <= 80, 'description.short ≤ 80');
  check(typeof m.description?.full === 'string' && m.description.full.length <= 4000, 'description.full ≤ 4000');
  check(typeof m.icons?.color === 'string' && typeof m.icons?.outline === 'string', 'icons.color and icons.outline');
  check(/^#[0-9a-fA-F]{6}$/u.test(m.accentColor), 'accentColor: #RRGGBB');
  check(Array.isArray(m.bots) && m.bots.length <= 1, 'bots: at most 1');
  for (const bot of m.bots ?? []) {
    check(GUID.test(bot.botId), 'bots[].botId: GUID');
    check(bot.scopes.length >= 1 && bot.scopes.every((s: string) => ['team', 'personal', 'groupChat', 'groupchat', 'copilot'].includes(s)), 'bots[].scopes');
    check((bot.commandLists ?? []).length <= 3, 'bots[].commandLists ≤ 3');
    for (const list of bot.commandLists ?? []) {
      check(list.commands.length <= 10, 'commands ≤ 10');
      for (const command of list.commands) {
        check(typeof command.title === 'string' && command.title.length >= 1 && command.title.length <= 32, `command title ≤ 32: ${command.title}`);
        check(typeof command.description === 'string' && command.description.length <= 128, `command description ≤ 128: ${command.title}`);
      }
    }
  }
  check((m.permissions ?? []).every((p: string) => ['identity', 'messageTeamMembers'].includes(p)), 'permissions');
  check(Array.isArray(m.validDomains) && m.validDomains.length <= 16 && m.validDomains.every((d: string) => d.length <= 2048 && !/^https?:/u.test(d)), 'validDomains: host names, ≤ 16');
  check(GUID.test(m.webApplicationInfo?.id ?? ''), 'webApplicationInfo.id: GUID');
  for (const permission of m.authorization?.permissions?.resourceSpecific ?? []) {
    check(typeof permission.name === 'string' && permission.name.length <= 128 && ['Application', 'Delegated'].includes(permission.type), 'resourceSpecific permission');
  }
  return problems;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-teams-package-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['node', 'shinchoku', 'teams-package', ...args], { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret-value', TEAMS_TENANT_ID: 'tenant', ...env }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shinchoku teams-package', () => {
  it('writes a zip with a manifest that meets the schema, for this bot, with the channel-message permission and both icons', async () => {
    const file = join(dir, 'app.zip');
    const { code, out } = await run([file, '--domain', 'bot.example.lg.jp', '--website', 'https://www.pref.example.lg.jp/', '--app-version', '1.2.0']);
    expect(code).toBe(0);
    expect(out).toContain(file);
    const entries = readStoredZip(readFileSync(file));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    expect(schemaProblems(manifest)).toEqual([]);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team']);
    expect(manifest.version).toBe('1.2.0');
    expect(manifest.validDomains).toEqual(['bot.example.lg.jp']);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'ChannelMessage.Read.Group', type: 'Application' }]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toContain('status');
    expect(manifest.description.short).toMatch(/[ぁ-んァ-ン一-龯]/u);
    expect(pngSize(entries.find((e) => e.name === 'color.png')!.data)).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.find((e) => e.name === 'outline.png')!.data)).toEqual({ width: 32, height: 32 });
  });

  it('the schema check catches what Teams would refuse', () => {
    expect(schemaProblems({ manifestVersion: '1.17', version: 'one', id: 'x', accentColor: 'blue', bots: [{ botId: 'x', scopes: ['everyone'], commandLists: [{ commands: Array.from({ length: 11 }, () => ({ title: 'x'.repeat(33), description: '' })) }] }] }).length).toBeGreaterThan(6);
  });

  it('says what to fix for a missing app id, a bad version or a bad domain, and writes nothing', async () => {
    const file = join(dir, 'app.zip');
    const noId = await runCli(['node', 'shinchoku', 'teams-package', file], {}, { out: () => {}, err: () => {} });
    expect(noId).toBe(1);
    const badVersion = await run([file, '--app-version', 'v2']);
    expect(badVersion.code).toBe(1);
    expect(badVersion.err).toContain('v2');
    const badDomain = await run([file, '--domain', 'https://bot.example.lg.jp/api/messages']);
    expect(badDomain.code).toBe(1);
    expect(badDomain.err).toContain('bot.example.lg.jp');
    expect(() => readFileSync(file)).toThrow();
  });

  it('computes CRC-32 the same way as node:zlib where Node has it', () => {
    const data = Buffer.from('進捗 shinchoku manifest.json');
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (native) expect(crc32Table(data)).toBe(native(data) >>> 0);
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

// `shinchoku teams-package [FILE]`: the Teams app package a coordinator
// uploads (Apps → Manage your apps → Upload an app): manifest.json built from
// the settings and the two icons kept in assets/teams/, in one zip.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { buildManifest, COLOR_ICON, OUTLINE_ICON } from '../adapters/teams/package/build-manifest.ts';
import { writeZip } from '../adapters/teams/package/write-zip.ts';
import { translator } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface TeamsPackageOptions {
  /** The app's version; raise it for each upload of a changed package. */
  appVersion?: string;
  /** Host names of the bot (its messaging endpoint), repeatable. */
  domain?: string[];
  website?: string;
}

const ICONS = new URL('../../assets/teams/', import.meta.url);
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/u;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/iu;

export function teamsPackageCommand(file: string | undefined, options: TeamsPackageOptions, config: Config, io: CliIo): void {
  const t = translator(config.SHINCHOKU_LANG);
  const failWith = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  const appId = config.TEAMS_APP_ID;
  if (appId === undefined) return failWith(t('teams.package.noAppId'));
  const version = options.appVersion ?? '1.0.0';
  if (!SEMVER.test(version)) failWith(t('teams.package.badVersion', { version }));
  const domains = options.domain ?? [];
  for (const domain of domains) if (!HOST.test(domain)) failWith(t('teams.package.badDomain', { domain }));
  if (options.website !== undefined && !/^https:\/\/[^\s]+$/u.test(options.website)) failWith(t('teams.package.badWebsite', { url: options.website }));
  if (options.website === undefined) io.err(t('teams.package.noWebsite'));
  const manifest = buildManifest({ appId, version, lang: config.SHINCHOKU_LANG, domains, websiteUrl: options.website ?? 'https://example.com/' });
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: COLOR_ICON, data: readFileSync(new URL(COLOR_ICON, ICONS)) },
    { name: OUTLINE_ICON, data: readFileSync(new URL(OUTLINE_ICON, ICONS)) },
  ]);
  const target = file ?? 'shinchoku-teams.zip';
  writeFileSync(target, zip);
  io.out(t('teams.package.written', { file: target, bytes: zip.length, appId, version }));
}

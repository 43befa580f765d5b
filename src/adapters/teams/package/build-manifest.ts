/**
 * The Teams app manifest (schema 1.17) from the settings: the bot (the Entra
 * app id), personal and team scopes, the most used commands (Teams shows at
 * most 10), the resource-specific permission ChannelMessage.Read.Group that
 * lets the bot find a card it already posted (exactly once, issue 14 §8),
 * and the valid domains.
 */
import { translator, type Lang, type MessageKey } from '../../../i18n/catalog.ts';

export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';
/** Graph's channel messages for this team's channels, granted by the team owner at install. */
export const CHANNEL_MESSAGE_PERMISSION = 'ChannelMessage.Read.Group';

/** The commands offered in Teams' command menu, most used first (Teams shows at most 10). */
export const MANIFEST_COMMANDS = ['status', 'mine', 'update', 'overdue', 'upcoming', 'history', 'due', 'digest', 'owner', 'help'] as const;

export interface ManifestOptions {
  appId: string;
  /** The app's version (semver): raise it for every upload of a changed package. */
  version: string;
  lang: Lang;
  /** Host names the app's pages and the messaging endpoint live on, e.g. `bot.example.lg.jp`. */
  domains: readonly string[];
  /** https URL for the developer's website, privacy and terms pages. */
  websiteUrl: string;
}

/** The manifest as a plain object, ready for JSON.stringify. */
export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const t = translator(options.lang);
  return {
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    // The app id of the Teams app; the bot's own id is the same Entra app.
    id: options.appId,
    developer: { name: t('teams.package.developer'), websiteUrl: options.websiteUrl, privacyUrl: options.websiteUrl, termsOfUseUrl: options.websiteUrl },
    name: { short: 'shinchoku', full: t('teams.package.fullName') },
    description: { short: t('teams.package.shortDescription'), full: t('teams.package.fullDescription') },
    icons: { color: COLOR_ICON, outline: OUTLINE_ICON },
    accentColor: '#1F6FB2',
    bots: [
      {
        botId: options.appId,
        scopes: ['personal', 'team'],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: [
          {
            scopes: ['personal', 'team'],
            commands: MANIFEST_COMMANDS.map((command) => ({ title: command, description: t(`teams.package.command.${command}` as MessageKey) })),
          },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [...options.domains],
    webApplicationInfo: { id: options.appId, resource: `api://botid-${options.appId}` },
    authorization: { permissions: { resourceSpecific: [{ name: CHANNEL_MESSAGE_PERMISSION, type: 'Application' }] } },
  };
}

/**
 * Every Microsoft endpoint the bot calls or trusts, from the settings: the
 * cloud's presets (the SDK's CloudEnvironment) with TEAMS_*_URL on top.
 * The one place that knows the presets, so the SDK, our token client, Graph
 * and doctor always agree.
 */
import { cloudFromName, withOverrides, type CloudEnvironment } from '@microsoft/teams.api';
import type { TeamsSettings } from '../../config.ts';

export interface TeamsEndpoints {
  /** What the SDK gets as its `cloud`: issuer, keys and scopes. */
  cloud: CloudEnvironment;
  /** Bot Connector base for messages the bot starts, without a trailing slash. */
  serviceUrl: string;
  /** `{loginUrl}/{tenant}/oauth2/v2.0/token`. */
  tokenUrl: string;
  /** Graph origin, no path. */
  graphUrl: string;
  /** The scope of the bot's own token (Bot Connector). */
  botScope: string;
  /** The scope of the Graph token. */
  graphScope: string;
}

/**
 * Bot Connector's proactive base per cloud (Microsoft's "send proactive
 * messages" page); the SDK's presets leave it out.
 */
const SERVICE_URLS: Record<TeamsSettings['cloud'], string> = {
  public: 'https://smba.trafficmanager.net/teams',
  usgov: 'https://smba.infra.gov.teams.microsoft.us/teams',
  usgovdod: 'https://smba.infra.dod.teams.microsoft.us/teams',
  china: 'https://frontend.botapi.msg.infra.teams.microsoftonline.cn/teams',
};

/** The endpoints `settings` select. */
export function teamsEndpointsOf(settings: Pick<TeamsSettings, 'cloud' | 'tenantId' | 'serviceUrl' | 'openIdMetadataUrl' | 'loginUrl' | 'graphUrl'>): TeamsEndpoints {
  const preset = cloudFromName(settings.cloud);
  const cloud = withOverrides(preset, {
    ...(settings.openIdMetadataUrl ? { openIdMetadataUrl: settings.openIdMetadataUrl } : {}),
    ...(settings.loginUrl ? { loginEndpoint: trimSlash(settings.loginUrl) } : {}),
  });
  // The Graph scope names the real Graph resource even when the origin is a test's or a proxy's.
  const presetGraph = preset.graphScope.replace(/\/\.default$/, '');
  return {
    cloud,
    serviceUrl: trimSlash(settings.serviceUrl ?? SERVICE_URLS[settings.cloud]),
    tokenUrl: `${trimSlash(cloud.loginEndpoint)}/${encodeURIComponent(settings.tenantId)}/oauth2/v2.0/token`,
    graphUrl: trimSlash(settings.graphUrl ?? presetGraph),
    botScope: cloud.botScope,
    graphScope: preset.graphScope,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

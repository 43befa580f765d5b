// `shinchoku doctor`: the dashboard's part (issue 15 §3). Its settings were
// validated with the others; this says whether it runs and where links point.
import { dashboardSettingsOf, type Config } from '../config.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Check } from './doctor.ts';

/** One line: off, or on with its port and address; plain http to a remote host is a failure, since links are keys. */
export function checkDashboard(config: Config, t: Translate): Check[] {
  const settings = dashboardSettingsOf(config);
  if (settings === null) return [{ ok: true, line: t('web.doctor.off') }];
  const url = new URL(settings.baseUrl);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !local) return [{ ok: false, line: t('web.doctor.on', { port: settings.port, url: settings.baseUrl }), fix: t('web.doctor.fixHttps') }];
  return [{ ok: true, line: t('web.doctor.on', { port: settings.port, url: settings.baseUrl }) }];
}

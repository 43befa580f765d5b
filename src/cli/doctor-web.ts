// `shinchoku doctor`: the dashboard's part (issue 15 §3). Its settings were
// validated with the others; this says whether it runs and where links point.
// And the font the digest's chart is drawn with (issue 15 §4).
import { findChartFont, SUGGESTED_FONT_PACKAGE, type ChartFont } from '../adapters/charts/find-chart-font.ts';
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

/**
 * The Japanese font the digest's chart will be drawn with, or a warning that
 * there is none: the digests still go out, as text alone, so it is not a failure.
 */
export function checkChartFont(t: Translate, font: ChartFont | null = findChartFont()): Check {
  if (font === null) return { ok: true, warning: true, line: t('web.doctor.noChartFont'), fix: t('web.doctor.fixChartFont', { package: SUGGESTED_FONT_PACKAGE }) };
  return { ok: true, line: t('web.doctor.chartFont', { family: font.family, path: font.path }) };
}

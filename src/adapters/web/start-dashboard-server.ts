/**
 * The dashboard for people who are not in the chat (issue 15 §3): a plain
 * node:http server of server-rendered pages, on DASHBOARD_PORT. No link, a
 * forged, expired or revoked one: 401 and nothing of the plan. Every answer
 * carries the security headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDashboard, type DashboardPlanParts, type DashboardSettings } from '../../app/build-dashboard.ts';
import type { Clock } from '../../app/ports.ts';
import { listMilestones } from '../../domain/plan.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import type { Logger } from '../log/create-logger.ts';
import type { DashboardAccess } from './dashboard-links.ts';
import { parseDashboardPath, type DashboardRoute } from './dashboard-routes.ts';
import { PAGE_CSS } from './page-css.ts';
import { renderDivisionBody, renderMilestoneBody } from './render-detail.ts';
import { renderLayout, renderRefusal, type PlanLink } from './render-layout.ts';
import { renderOverviewBody } from './render-overview.ts';
import { securityHeaders } from './security-headers.ts';
import { asOfText, pageLinks, shortDate } from './web-format.ts';

/** The stored plans, as the dashboard reads them. */
export interface DashboardSource {
  plans(): Promise<{ key: string; title: string }[]>;
  /** The plan `/d/TOKEN/` shows: the current fiscal year's. */
  defaultKey(): Promise<string | null>;
  parts(key: string): Promise<DashboardPlanParts | null>;
}

export interface DashboardServerOptions {
  port: number;
  /** Where to listen; all interfaces unless set (a reverse proxy in front usually terminates TLS). */
  host?: string;
  source: DashboardSource;
  settings: DashboardSettings;
  access: DashboardAccess;
  clock: Clock;
  lang: Lang;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The progress report workbook of a plan now (its latest round, else today), as /plan export gives it; absent: no download. */
  workbook?: (planKey: string, now: Date) => Promise<{ bytes: Buffer; fileName: string } | null>;
}

export interface RunningDashboard {
  port: number;
  stop(): Promise<void>;
}

const HEADERS = securityHeaders(PAGE_CSS);

function send(res: ServerResponse, status: number, body: string, head: boolean): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

/** Starts the server; resolves once it listens. */
export async function startDashboardServer(options: DashboardServerOptions): Promise<RunningDashboard> {
  const t = translator(options.lang);
  const server: Server = createServer((req, res) => {
    answer(req, res, options, t).catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'dashboard page failed');
      if (!res.headersSent) send(res, 500, renderRefusal(t, t('web.error.title'), t('web.error.body')), false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'dashboard listening');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: DashboardServerOptions, t: Translate): Promise<void> {
  const head = req.method === 'HEAD';
  const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
  const parsed = parseDashboardPath(url.pathname);
  const now = options.clock.now();
  const claims = parsed === null ? null : await options.access.authorize(parsed.token, now);
  if (parsed === null || claims === null) {
    send(res, 401, renderRefusal(t, t('web.unauthorized.title'), t('web.unauthorized.body')), head);
    return;
  }
  if (req.method !== 'GET' && !head) {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end();
    return;
  }
  if (parsed.route.page === 'workbook') {
    const file = options.workbook ? await options.workbook(parsed.route.planKey, now) : null;
    if (file === null) {
      send(res, 404, renderRefusal(t, t('web.notFound.title'), t('web.notFound.body')), head);
      return;
    }
    res.writeHead(200, {
      ...HEADERS,
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      // The ASCII name for old clients, the Japanese one (RFC 5987) for the rest.
      'Content-Disposition': `attachment; filename="progress-report.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Length': file.bytes.length,
    });
    res.end(head ? undefined : file.bytes);
    return;
  }
  const page = await renderPage(parsed.token, parsed.route, now, options, t);
  if (page === null) send(res, 404, renderRefusal(t, t('web.notFound.title'), t('web.notFound.body')), head);
  else send(res, 200, page, head);
}

/** The page of `route`, or null when there is no such plan, division or milestone. */
async function renderPage(token: string, route: DashboardRoute, now: Date, options: DashboardServerOptions, t: Translate): Promise<string | null> {
  if (route.page === 'not_found' || route.page === 'workbook') return null;
  const { lang, source, settings } = options;
  const key = route.planKey ?? (await source.defaultKey());
  if (key === null) return null;
  const parts = await source.parts(key);
  if (parts === null) return null;
  const date = wallClock(now, settings.timeZone).date;
  const model = await buildDashboard(date, parts, settings);
  const links = pageLinks(token, key);
  const plans: PlanLink[] = (await source.plans()).map((p) => ({ key: p.key, title: p.title, href: pageLinks(token, p.key).overview, current: p.key === key }));
  const frame = (heading: string, body: ReturnType<typeof renderOverviewBody>, overviewHref: string | null) =>
    renderLayout({
      t,
      title: `${heading} — ${t('web.title', { plan: parts.plan.title })}`,
      heading,
      asOf: asOfText(date, lang, t),
      plans,
      overviewHref,
      footer: t('web.footer', { plan: parts.plan.title, date: shortDate(date, lang) }),
      body,
    });
  switch (route.page) {
    case 'overview':
      return frame(t('web.title', { plan: parts.plan.title }), renderOverviewBody(model, links, lang, t, options.workbook !== undefined), null);
    case 'division': {
      if (!model.units.some((u) => u.unit.placed.owners.includes(route.division))) return null;
      return frame(t('web.division.title', { division: route.division }), renderDivisionBody(model, route.division, links, lang, t), links.overview);
    }
    case 'milestone': {
      const placed = listMilestones(parts.plan).find((p) => p.milestone.id === route.milestoneId);
      if (!placed) return null;
      const history = await parts.statuses.history(placed.milestone.id);
      return frame(`${placed.milestone.id} ${placed.milestone.title}`, renderMilestoneBody(model, placed, history, settings.timeZone, links, lang, t), links.overview);
    }
  }
}

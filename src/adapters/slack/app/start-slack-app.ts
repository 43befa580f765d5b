/**
 * The Slack app (issue 5): Bolt's App with the `/plan` command, the status
 * buttons, the comment modal and the App Home. Socket Mode when an app-level
 * token is given (no public URL: the usual case behind a government
 * firewall), else HTTP on PORT at /slack/events, every request's signature
 * verified by Bolt (requests more than five minutes old are refused too).
 */
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { ProxyEnv } from '../../net/find-proxy.ts';
import { createOutboundDispatcher, createOutboundFetch } from '../../net/outbound-fetch.ts';
import type { CommandDeps } from '../../../app/commands/ports.ts';
import { fail, ok, type Problem, type Result } from '../../../domain/result.ts';
import { type Lang, translator } from '../../../i18n/catalog.ts';
import { DEFAULT_SLACK_API_URL, explainUnreachable } from '../../net/explain-unreachable.ts';
import { networkFailureOf } from '../../net/network-failure.ts';
import { classifySlackError } from '../classify-slack-error.ts';
import { type AdapterLogger, toWebApiLogger } from '../web-api-logger.ts';
import { createChannelMembers } from './channel-members.ts';
import { listenAppHome } from './listen-app-home.ts';
import { listenCommentModal } from './listen-comment-modal.ts';
import { answerDigest } from './listen-digest-command.ts';
import { answerDue } from './listen-due-command.ts';
import { answerExport } from './listen-export-command.ts';
import { answerDashboard } from './listen-dashboard-command.ts';
import { createSlackFileDelivery } from './send-file-to-user.ts';
import { answerHelp } from './listen-help-command.ts';
import { answerLang } from './listen-lang-command.ts';
import { answerOwner } from './listen-owner-command.ts';
import { answerQuery } from './listen-query-commands.ts';
import { listenStatusButtons } from './listen-status-buttons.ts';
import { answerUpdate } from './listen-update-command.ts';
import { answerReport, listenReportModal } from './listen-report-command.ts';
import { listenPlanCommand } from './plan-command.ts';
import type { ListenerContext } from './listener-context.ts';

/** Where Slack sends events, commands and interactions in HTTP mode (the manifest's request URLs). */
export const EVENTS_PATH = '/slack/events';

export type SlackAppMode = { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string; port: number };

export interface SlackAppOptions {
  /** `xoxb-…`. Never logged. */
  botToken: string;
  mode: SlackAppMode;
  /** Web API base URL; Slack's by default. */
  slackApiUrl?: string;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (Config.proxy); process.env by default. */
  proxy?: ProxyEnv;
  /** The use cases' dependencies; channel membership and file delivery come from this app's own client. */
  deps: Omit<CommandDeps, 'members' | 'files'>;
  channelLang: Lang;
  logger: AdapterLogger;
  /** See ListenerContext; tests shorten it to show the slow path. */
  answerInAckWithinMs?: number;
}

export interface RunningSlackApp {
  /** The HTTP port listened on (useful when PORT was 0); null in Socket Mode. */
  port: number | null;
  stop(): Promise<void>;
}

/**
 * Builds and starts the app. A token Slack refuses (auth.test), Slack out of
 * reach (network, proxy) or a port in use is a Problem that says what to fix,
 * not a crash.
 */
export async function startSlackApp(options: SlackAppOptions): Promise<Result<RunningSlackApp, Problem>> {
  const logger = toWebApiLogger(options.logger);
  const proxy = options.proxy ?? process.env;
  // Every outbound request (Web API, response_url, apps.connections.open) goes through this fetch, so the proxy settings hold for all.
  const clientOptions = { ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: options.slackApiUrl }), fetch: createOutboundFetch(proxy) };
  // No conversation store: nothing here keeps state per conversation, and Bolt's would run on every request.
  const common = { token: options.botToken, logger, clientOptions, deferInitialization: true, convoStore: false } as const;
  const app =
    options.mode.kind === 'socket'
      ? // Our own receiver: Bolt's App does not pass a dispatcher on, and the WebSocket needs one to reach the proxy.
        new App({
          ...common,
          receiver: new SocketModeReceiver({ appToken: options.mode.appToken, dispatcher: createOutboundDispatcher(proxy), logger, installerOptions: { clientOptions } }),
        })
      : new App({ ...common, signingSecret: options.mode.signingSecret, endpoints: EVENTS_PATH });

  try {
    // One auth.test that does not retry: Bolt's own (in init) would retry a
    // network failure for half an hour before the operator hears of it.
    await new webApi.WebClient(options.botToken, { ...clientOptions, logger, retryConfig: { retries: 0 } }).auth.test();
    // auth.test again, Bolt's: it needs the bot's identity.
    await app.init();
  } catch (error) {
    // A proxy or network in the way is not a token to copy again.
    const network = networkFailureOf(error);
    if (network) {
      const { line, fix } = explainUnreachable(network, options.slackApiUrl ?? DEFAULT_SLACK_API_URL, proxy, translator(options.channelLang));
      return fail({ code: 'slack_unreachable', message: `${line} → ${fix}` });
    }
    const t = translator(options.channelLang);
    const reason = classifySlackError(error).error;
    return fail({ code: 'slack_auth', message: `${t('net.slackTokenRefused', { code: reason })} → ${t('doctor.fixSlack')}` });
  }

  const ctx: ListenerContext = {
    deps: { ...options.deps, members: createChannelMembers(app.client, { logger: options.logger }), files: createSlackFileDelivery(app.client, options.logger) },
    channelLang: options.channelLang,
    logger: options.logger,
    ...(options.answerInAckWithinMs !== undefined && { answerInAckWithinMs: options.answerInAckWithinMs }),
  };
  registerListeners(app, ctx);
  app.error(async (error) => {
    options.logger.error({ err: error.message, code: error.code }, 'slack listener failed');
  });

  try {
    if (options.mode.kind === 'socket') {
      await app.start();
      return ok({ port: null, stop: () => app.stop().then(() => undefined) });
    }
    const server = (await app.start(options.mode.port)) as { address(): AddressInfo | string | null };
    const address = server.address();
    return ok({ port: typeof address === 'object' && address !== null ? address.port : options.mode.port, stop: () => app.stop().then(() => undefined) });
  } catch (error) {
    const t = translator(options.channelLang);
    const reason = error instanceof Error ? error.message : String(error);
    const hint = options.mode.kind === 'socket' ? t('net.slackStartSocketHint') : t('net.slackStartPortHint', { port: options.mode.port });
    return fail({ code: 'slack_start', message: `${t('net.slackCannotStart', { reason })} → ${hint}` });
  }
}

/** One file per command family (STYLE: small files with one job); one `/plan` listener routes to them. */
function registerListeners(app: App, ctx: ListenerContext): void {
  // Every command kind has its handler; the compiler checks none is missing.
  listenPlanCommand(app, ctx, {
    help: answerHelp,
    problem: answerHelp,
    overview: answerQuery,
    milestone: answerQuery,
    list: answerQuery,
    history: answerQuery,
    update: answerUpdate,
    due: answerDue,
    owner: answerOwner,
    lang: answerLang,
    digest: answerDigest,
    export: answerExport,
    report: answerReport,
    dashboard: answerDashboard,
  });
  listenReportModal(app, ctx);
  listenStatusButtons(app, ctx);
  listenCommentModal(app, ctx);
  listenAppHome(app, ctx);
}

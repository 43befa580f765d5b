// Configuration from the environment, validated once at start (SPEC §7.1).
import { z } from 'zod';
import { fail, ok, type Problem, type Result } from './domain/result.ts';
import type { ReminderPolicy } from './domain/reminder-policy.ts';
import { parseDigestCron, type DigestSchedule } from './domain/digest-schedule.ts';
import { instantOfTypedTime, parseTypedTime, TYPED_TIME_FORMS } from './domain/typed-time.ts';
import { quotePrefix } from './domain/quote-prefix.ts';
import { badProxyVariables, pickProxyEnv, type ProxyEnv } from './adapters/net/find-proxy.ts';
import { type Lang, type MessageKey, type Translate, translator } from './i18n/catalog.ts';

/** The reviewed FY2020 plan that ships with the repository. */
export const BUNDLED_PLAN = 'config/plans/fy2020-mie.yaml';

const optionalText = z.string().trim().min(1).optional();

/** A signing secret shorter than this is guessable; `openssl rand -hex 32` gives 64 characters. */
export const DASHBOARD_SECRET_MIN_CHARS = 32;

/** An http(s) URL: tests point the Microsoft endpoints at http://127.0.0.1:…, deployments at https://. */
const httpUrl = z.url({ protocol: /^https?$/ });

/** `14,7` → [14, 7]; an empty list turns that kind of reminder off. */
const dayList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\s*(\d{1,3}\s*(,\s*\d{1,3}\s*)*)?$/.test(v), 'net.settingDayList')
    .transform((v) => v.split(',').map((d) => d.trim()).filter((d) => d !== '').map(Number));

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(v)));

const schema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'net.settingXoxb'),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'net.settingXapp'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: z.url().optional(),
  // 0 asks the system for a free port (tests, benchmarks); the log says which one.
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().trim().min(1).default('./data/shinchoku.db'),
  SHINCHOKU_PLAN: z.string().trim().min(1).default(BUNDLED_PLAN),
  SHINCHOKU_DIRECTORY: z.string().trim().min(1).default('config/directory.yaml'),
  SHINCHOKU_NOW: z
    .string()
    .trim()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && value !== '' && parseTypedTime(value) === null) {
        ctx.addIssue({ code: 'custom', message: 'net.settingTypedTime', params: { value: quotePrefix(value), forms: TYPED_TIME_FORMS } });
      }
    })
    .transform((value) => (value === '' ? undefined : value)),
  SHINCHOKU_TIMEZONE: z
    .string()
    .default('Asia/Tokyo')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'net.settingTimeZone'),
  SHINCHOKU_LANG: z.enum(['ja', 'en']).default('ja'),
  // pino's levels; unset: info on Slack, warn in the shell (typed or piped), whose screen or transcript the logs would share.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'net.settingTimeOfDay').default('09:30'),
  DIGEST_CRON: z
    .string()
    .trim()
    .default('0 9 * * 1')
    .superRefine((value, ctx) => {
      const parsed = parseDigestCron(value);
      // The domain's own wording (English) travels as a parameter; the catalogue frames it.
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: 'net.settingDigestCron', params: { detail: parsed.error.message, value } });
    }),
  // The reminder policy (SPEC §4); defaults as the spec says.
  REMINDER_LEAD_DAYS: dayList('14,7'),
  REMINDER_LEAD_BUSINESS_DAYS: dayList('3,1'),
  REMINDER_DUE_DAY: flag(true),
  REMINDER_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  REMINDER_ESCALATE_AFTER_BUSINESS_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  REMINDER_KICKOFF: flag(true),
  REMINDER_CHECKINS: flag(true),
  REMINDER_QUIET_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  // Microsoft Teams (SPEC §7.2); the URLs default to TEAMS_CLOUD's (teamsSettingsOf).
  TEAMS_APP_ID: optionalText,
  TEAMS_APP_PASSWORD: optionalText,
  TEAMS_TENANT_ID: optionalText,
  TEAMS_CLOUD: z.enum(['public', 'usgov', 'usgovdod', 'china']).default('public'),
  TEAMS_SERVICE_URL: httpUrl.optional(),
  TEAMS_OPENID_METADATA_URL: httpUrl.optional(),
  TEAMS_LOGIN_URL: httpUrl.optional(),
  TEAMS_GRAPH_URL: httpUrl.optional(),
  // After downtime, reminders of at most this many business days before today are caught up (issue 12).
  REMINDER_CATCHUP_BUSINESS_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  // The dashboard (issue 15 §3): off unless DASHBOARD_PORT is set; then the secret that signs its links and the address people open.
  DASHBOARD_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DASHBOARD_SECRET: optionalText.refine((v) => v === undefined || v.length >= DASHBOARD_SECRET_MIN_CHARS, 'net.settingDashboardSecret'),
  DASHBOARD_URL: httpUrl.optional(),
  DASHBOARD_HOST: optionalText,
});

export type Config = Readonly<
  z.infer<typeof schema> & {
    /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY… (either case) as set: every outbound client routes by them (src/adapters/net). */
    proxy: ProxyEnv;
  }
>;

/** Every setting the bot reads, by name: what .env.example must list (a test holds it to that). */
export const SETTING_NAMES: readonly string[] = Object.freeze(Object.keys(schema.shape));

/** A settings failure: the one line to print, and the bad settings alone (doctor frames them itself). */
export interface ConfigProblem extends Problem {
  problems: string[];
}

/**
 * Reads and validates the settings. Every bad setting is named in one
 * message, so an operator fixes them all in one go, in SHINCHOKU_LANG (or
 * Japanese when that is what is wrong). Empty values count as unset.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Result<Config, ConfigProblem> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const lang: Lang = present.SHINCHOKU_LANG?.trim() === 'en' ? 'en' : 'ja';
  const t = translator(lang);
  // zod's own messages (wrong type, not in the list…) in the same language; ours are catalogue keys.
  const parsed = schema.safeParse(present, { error: (lang === 'en' ? z.locales.en() : z.locales.ja()).localeError });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issueText(issue, t)}`)),
    ...slackModeProblems(present).map((key) => t(key)),
    ...teamsProblems(present),
    ...dashboardProblems(present).map((key) => t(key)),
    ...badProxyVariables(present).map((name) => `${name}: ${t('net.settingNotProxyUrl')}`),
  ];
  if (parsed.success && problems.length === 0) {
    const database = present.DATABASE_URL === undefined ? defaultDatabaseOf(present) : parsed.data.DATABASE_URL;
    return ok(Object.freeze({ ...parsed.data, DATABASE_URL: database, proxy: pickProxyEnv(present) }));
  }
  return fail({ code: 'bad_config', message: t('net.settingsInvalid', { problems: problems.join('; ') }), problems });
}

/** A catalogue key from the schema above, with its parameters; else zod's (already translated) text. */
function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  if (!issue.message.startsWith('net.setting')) return issue.message;
  const params = (issue as { params?: Record<string, string> }).params ?? {};
  return t(issue.message as MessageKey, params);
}

/** Where the terminal demo keeps its data when DATABASE_URL is not set: never the database a chat platform uses. */
export const DEMO_DATABASE = './data/demo.db';

/** The database a chat platform uses when DATABASE_URL is not set. */
export const CHAT_DATABASE = './data/shinchoku.db';

/**
 * Without DATABASE_URL: the chat database when any chat platform is set up,
 * else the demo's own (issue 12), so the demo's plan and clock can never be
 * picked up by a bot that talks to real people.
 */
function defaultDatabaseOf(env: Record<string, string | undefined>): string {
  const chat = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'TEAMS_APP_ID'].some((name) => env[name] !== undefined);
  return chat ? CHAT_DATABASE : DEMO_DATABASE;
}

/**
 * The Slack settings that only make sense together (SPEC §7): a bot token
 * needs a way to receive commands (an app token for Socket Mode, or a signing
 * secret for HTTP), and those need the bot token. Checked on the raw values,
 * so these problems are named together with every other bad setting.
 */
function slackModeProblems(env: Record<string, string | undefined>): MessageKey[] {
  const bot = env.SLACK_BOT_TOKEN !== undefined;
  const receiver = env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined;
  if (bot && !receiver) return ['net.settingBotWithoutReceiver'];
  if (!bot && receiver) return [env.SLACK_APP_TOKEN !== undefined ? 'net.settingAppTokenWithoutBot' : 'net.settingSecretWithoutBot'];
  return [];
}

/**
 * Teams settings that only make sense together (SPEC §7.2): one chat platform
 * per deployment, and an app id needs its secret and tenant (and the reverse).
 * Worded in the catalogue, in SHINCHOKU_LANG when it is a language we speak.
 */
function teamsProblems(env: Record<string, string | undefined>): string[] {
  const t = translator(env.SHINCHOKU_LANG === 'en' ? 'en' : ('ja' satisfies Lang));
  const teams = Object.keys(env).filter((name) => name.startsWith('TEAMS_')).sort();
  if (teams.length === 0) return [];
  const slack = Object.keys(env).filter((name) => name.startsWith('SLACK_')).sort();
  if (slack.length > 0) return [t('teams.config.bothPlatforms', { slack: slack.join(', '), teams: teams.join(', ') })];
  if (env.TEAMS_APP_ID === undefined) return [t('teams.config.noAppId', { names: teams.join(', ') })];
  const missing = ['TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'].filter((name) => env[name] === undefined);
  return missing.length === 0 ? [] : [t('teams.config.missing', { names: missing.join(', ') })];
}

/**
 * The dashboard's settings only make sense together: a port needs the
 * secret that signs its links and the address links point to; a secret or
 * an address without a port would suggest a dashboard that is not running.
 */
function dashboardProblems(env: Record<string, string | undefined>): MessageKey[] {
  const port = env.DASHBOARD_PORT !== undefined;
  const others = ['DASHBOARD_SECRET', 'DASHBOARD_URL', 'DASHBOARD_HOST'].filter((name) => env[name] !== undefined);
  if (!port) return others.length > 0 ? ['web.config.withoutPort'] : [];
  return [...(env.DASHBOARD_SECRET === undefined ? (['web.config.secretRequired'] as const) : []), ...(env.DASHBOARD_URL === undefined ? (['web.config.urlRequired'] as const) : [])];
}

/** The dashboard's settings, when it is on (DASHBOARD_PORT set; loadConfig has checked the rest is there). */
export interface DashboardSettingsOf {
  port: number;
  secret: string;
  baseUrl: string;
  host?: string;
}

/** The dashboard when DASHBOARD_PORT is set, else null. */
export function dashboardSettingsOf(config: Config): DashboardSettingsOf | null {
  if (config.DASHBOARD_PORT === undefined || config.DASHBOARD_SECRET === undefined || config.DASHBOARD_URL === undefined) return null;
  return { port: config.DASHBOARD_PORT, secret: config.DASHBOARD_SECRET, baseUrl: config.DASHBOARD_URL, ...(config.DASHBOARD_HOST ? { host: config.DASHBOARD_HOST } : {}) };
}

/** How the bot talks to Slack, from the validated settings. */
export type SlackMode =
  | { kind: 'none' }
  /** SLACK_APP_TOKEN wins when both receivers are set: it needs no public URL. */
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number };

/** The Slack mode the settings select (loadConfig has checked that they fit together). */
export function slackModeOf(config: Config): SlackMode {
  const botToken = config.SLACK_BOT_TOKEN;
  if (botToken === undefined) return { kind: 'none' };
  if (config.SLACK_APP_TOKEN !== undefined) return { kind: 'socket', botToken, appToken: config.SLACK_APP_TOKEN };
  if (config.SLACK_SIGNING_SECRET !== undefined) return { kind: 'http', botToken, signingSecret: config.SLACK_SIGNING_SECRET, port: config.PORT };
  return { kind: 'none' };
}

/** The Teams settings, when Teams is selected (TEAMS_APP_ID set; loadConfig has checked the rest is there). */
export interface TeamsSettings {
  appId: string;
  appPassword: string;
  tenantId: string;
  cloud: 'public' | 'usgov' | 'usgovdod' | 'china';
  /** Each absent: the cloud's (src/adapters/teams/teams-endpoints.ts). */
  serviceUrl?: string;
  openIdMetadataUrl?: string;
  loginUrl?: string;
  graphUrl?: string;
  port: number;
}

/** Teams when TEAMS_APP_ID is set, else null. */
export function teamsSettingsOf(config: Config): TeamsSettings | null {
  if (config.TEAMS_APP_ID === undefined || config.TEAMS_APP_PASSWORD === undefined || config.TEAMS_TENANT_ID === undefined) return null;
  return {
    appId: config.TEAMS_APP_ID,
    appPassword: config.TEAMS_APP_PASSWORD,
    tenantId: config.TEAMS_TENANT_ID,
    cloud: config.TEAMS_CLOUD,
    ...(config.TEAMS_SERVICE_URL ? { serviceUrl: config.TEAMS_SERVICE_URL } : {}),
    ...(config.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL } : {}),
    ...(config.TEAMS_LOGIN_URL ? { loginUrl: config.TEAMS_LOGIN_URL } : {}),
    ...(config.TEAMS_GRAPH_URL ? { graphUrl: config.TEAMS_GRAPH_URL } : {}),
    port: config.PORT,
  };
}

/** The reminder policy the settings describe. */
export function reminderPolicyOf(config: Config): ReminderPolicy {
  return {
    leadCalendarDays: [...config.REMINDER_LEAD_DAYS],
    leadBusinessDays: [...config.REMINDER_LEAD_BUSINESS_DAYS],
    dueDay: config.REMINDER_DUE_DAY,
    overdueEveryDays: config.REMINDER_OVERDUE_EVERY_DAYS,
    escalateAfterBusinessDays: config.REMINDER_ESCALATE_AFTER_BUSINESS_DAYS,
    kickoff: config.REMINDER_KICKOFF,
    checkins: config.REMINDER_CHECKINS,
    quietDaysAfterReport: config.REMINDER_QUIET_DAYS,
  };
}

/** When the weekly digest goes out, from DIGEST_CRON (validated by loadConfig). */
export function digestScheduleOf(config: Config): DigestSchedule {
  const parsed = parseDigestCron(config.DIGEST_CRON);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/**
 * SHINCHOKU_NOW as an instant. A time without an offset (`2020-06-01T09:30`,
 * or a bare date, read as 00:00) is wall-clock time in SHINCHOKU_TIMEZONE,
 * which is what a person typing it means.
 */
export function startTimeOf(config: Config): Date | undefined {
  const now = config.SHINCHOKU_NOW;
  const typed = now ? parseTypedTime(now) : null;
  return typed ? instantOfTypedTime(typed, config.SHINCHOKU_TIMEZONE) : undefined;
}

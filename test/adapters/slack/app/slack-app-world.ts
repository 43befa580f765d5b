/**
 * The Slack app for end-to-end tests: the real Bolt stack in HTTP mode on a
 * free port, a SQLite file with a plan, a copy of the example directory (so
 * `/plan owner` may write it), and the fake Slack Web API. Requests go in
 * signed, exactly as Slack sends them; what the app does shows up in the fake.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createJapaneseCalendar } from '../../../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../../../src/adapters/db/digest-store.ts';
import { createPlanStore } from '../../../../src/adapters/db/plan-store.ts';
import type { Database } from '../../../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../../../src/adapters/db/status-store.ts';
import { createUserPrefsStore } from '../../../../src/adapters/db/user-prefs-store.ts';
import { createReportSources } from '../../../../src/adapters/db/report-sources.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../../src/adapters/db/report-store.ts';
import { createReportFiles } from '../../../../src/adapters/excel/report-files.ts';
import { createDirectoryFile } from '../../../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../../../src/adapters/directory/load-directory.ts';
import { type RunningSlackApp, EVENTS_PATH, startSlackApp } from '../../../../src/adapters/slack/app/start-slack-app.ts';
import { SILENT_LOGGER } from '../../../../src/adapters/slack/web-api-logger.ts';
import { bindDigestCommands } from '../../../../src/app/commands/bind-digest.ts';
import type { CommandDeps, PlanSource } from '../../../../src/app/commands/ports.ts';
import { parseDigestCron } from '../../../../src/domain/digest-schedule.ts';
import type { Plan } from '../../../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../../src/domain/reminder-policy.ts';
import { wallClock } from '../../../../src/domain/zoned-time.ts';
import type { Lang } from '../../../../src/i18n/catalog.ts';
import { bundledPlan, EXAMPLE_DIRECTORY, TIME_ZONE } from '../../../app/tick-world.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../fakes/fake-slack-api.ts';
import { SlackRequests, type SlackHttpResponse } from '../../../fakes/slack-requests.ts';
import { VirtualClock } from '../../../fakes/virtual-clock.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';
/** From config/directory.example.yaml. */
export const USERS = Object.freeze({
  coordinator: 'U0COORD01',
  jinji: 'U0JINJI01',
  jinjiDeputy: 'U0JINJI03',
  smart: 'U0SMART01',
  stranger: 'U0STRANGER',
});
export const JINJI_CHANNEL = 'C0JINJI001';

export interface WorldOptions {
  lang?: Lang;
  plan?: Plan;
  /** The bot's clock; a Tuesday in September 2020 by default. */
  now?: string;
  /** Delays every plan load, to show that ack() does not wait for it. */
  planDelayMs?: number;
  /** startSlackApp's answerInAckWithinMs. */
  answerInAckWithinMs?: number;
  /** A second plan stored after the first (issue 13), e.g. next fiscal year's, under this key. */
  nextPlan?: { plan: Plan; key: string };
}

export interface CommandResult {
  http: SlackHttpResponse;
  /** The answer the user sees: in the acknowledgement, or POSTed to the command's response_url. */
  response: { response_type?: string; text?: string; blocks?: unknown[]; replace_original?: boolean };
  via: 'ack' | 'response_url';
  responseAt: number;
}

export interface SlackAppWorld {
  fake: FakeSlackApi;
  db: Kysely<Database>;
  requests: SlackRequests;
  directoryPath: string;
  clock: VirtualClock;
  deps: Omit<CommandDeps, 'members'>;
  plan: Plan;
  /** Sends `/plan text` as `user` and waits for its answer (FakeSlackApi.answerTo). */
  command(text: string, user: string, options?: { channel?: string }): Promise<CommandResult>;
  /** Waits until `condition` holds (polling), or fails after `ms`. */
  until(condition: () => boolean, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSlackAppWorld(options: WorldOptions = {}): Promise<SlackAppWorld> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-slack-'));
  const fake = await startFakeSlackApi({ tokens: [BOT_TOKEN] });
  const db = await openDatabase(join(folder, 'bot.db'));
  const plan = options.plan ?? (await bundledPlan());
  await createPlanStore(db).save(plan, 'test-plan', '2020-04-01T00:00:00.000Z');
  if (options.nextPlan) await createPlanStore(db, { today: () => '2021-03-25' }).save(options.nextPlan.plan, 'next-plan', '2021-03-25T00:00:00.000Z', options.nextPlan.key);
  const directoryPath = join(folder, 'directory.yaml');
  copyFileSync(EXAMPLE_DIRECTORY, directoryPath);
  const loaded = await loadDirectory(directoryPath);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const directory = createDirectoryFile(directoryPath, loaded.value);
  const clock = new VirtualClock(options.now ?? '2020-09-15T10:00:00+09:00');
  const calendar = createJapaneseCalendar();
  // As src/main.ts wires them: the default plan is the one of the bot's today, with its own statuses.
  const stored = createPlanStore(db, { today: () => wallClock(clock.now(), TIME_ZONE).date });
  const plans: PlanSource = options.planDelayMs
    ? { load: async () => (await new Promise((resolve) => setTimeout(resolve, options.planDelayMs)), stored.load()) }
    : stored;
  const statuses = createStatusStore(db, () => stored.scopeOf());
  const lang = options.lang ?? 'ja';
  const deps: Omit<CommandDeps, 'members'> = {
    plans,
    statuses,
    directory,
    prefs: createUserPrefsStore(db),
    calendar,
    clock,
    timeZone: TIME_ZONE,
    defaultLang: lang,
    digest: bindDigestCommands({
      plans,
      statuses,
      digests: createDigestStore(db),
      directory: () => directory.current(),
      calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: TIME_ZONE,
      schedule: (() => {
        const schedule = parseDigestCron('0 9 * * 1');
        if (!schedule.ok) throw new Error(schedule.error.message);
        return schedule.value;
      })(),
      lang,
    }),
    reportRounds: { rounds: createReportRoundStore(db), entries: createReportEntryStore(db), planKey: async () => (await stored.scopeOf())?.key ?? null },
    reports: createReportFiles(
      createReportSources(db, { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, rounds: createReportRoundStore(db), entries: createReportEntryStore(db) }),
      () => stored.scopeOf(),
    ),
    shelf: { list: () => stored.list(), open: (key) => ({ plans: { load: () => stored.loadKey(key) }, statuses: createStatusStore(db, () => stored.scopeOf(key)) }) },
  };
  const started = await startSlackApp({
    botToken: BOT_TOKEN,
    mode: { kind: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    slackApiUrl: fake.url,
    deps,
    channelLang: lang,
    logger: SILENT_LOGGER,
    ...(options.answerInAckWithinMs !== undefined && { answerInAckWithinMs: options.answerInAckWithinMs }),
  });
  if (!started.ok) throw new Error(started.error.message);
  const app: RunningSlackApp = started.value;
  const requests = new SlackRequests(`http://127.0.0.1:${app.port}${EVENTS_PATH}`, SIGNING_SECRET);

  const until = async (condition: () => boolean, ms = 5000): Promise<void> => {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  let counter = 0;
  return {
    fake,
    db,
    requests,
    directoryPath,
    clock,
    deps,
    plan,
    until,
    async command(text, user, commandOptions = {}) {
      const id = `cmd-${++counter}`;
      const http = await requests.slashCommand({ text, user_id: user, response_url: fake.responseUrl(id), ...(commandOptions.channel ? { channel_id: commandOptions.channel } : {}) });
      if (http.status !== 200) throw new Error(`/plan ${text}: HTTP ${http.status}`);
      const answer = await fake.answerTo(http, id);
      if (!answer) throw new Error(`/plan ${text}: no answer`);
      return { http, response: answer.body as CommandResult['response'], via: answer.via, responseAt: answer.at };
    },
    async stop() {
      await app.stop();
      await closeDatabase(db);
      await fake.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Every text of a reply's blocks and fallback, joined: what a person would read. */
export function replyText(response: { text?: string; blocks?: unknown[] }): string {
  const texts: string[] = [response.text ?? ''];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else visit(inner);
      }
    }
  };
  visit(response.blocks ?? []);
  return texts.join('\n');
}

/**
 * Teams command-latency benchmark (issue 14): signed `status` and
 * `status <id>` messages in the coordinator's personal chat at 1, 10 and 50
 * concurrent against the bot in Teams mode on the 10,000-milestone synthetic
 * plan with about 100,000 history rows, and, in the same run, against a bare
 * Teams SDK app (same SDK, same createSdkApp, same token verification) whose
 * message handler replies the constant `ok`: the floor that the SDK, its
 * token check, Node's HTTP server, one reply through the Bot Connector and
 * this client put under any answer on this machine. It mirrors the Slack
 * benchmark against a bare Bolt app (scripts/bench/command-latency.ts) and
 * shares its data, its statistics and its log check.
 *
 * Three processes. The bot and the bare app each run in a child process of
 * their own (teams-command-latency-server.ts); this process is the client
 * and the fake Microsoft services (test/fakes/fake-teams): the issuer whose
 * keys both servers trust, the token endpoint, and the Bot Connector that
 * receives their replies. The connector enforces no rate limit here (the
 * benchmark measures answers, not Teams' throttling of one chat at hundreds
 * of messages a second; teams-fan-out.ts measures pacing).
 *
 * - Requests: message activities as Teams sends them (the fake's
 *   ActivityBuilder) from the coordinator of the synthetic directory, named
 *   by Entra object id, in their personal chat, each POSTed to
 *   /api/messages with `Authorization: Bearer` and a token signed by the
 *   fake issuer (one token per run, as the Bot Framework reuses its tokens
 *   for their hour). Every other message is `status`; the others ask for
 *   `status <id>` with milestone ids drawn at random (seeded) from the plan.
 * - Measured, from the moment the request is sent: the answer, the reply
 *   activity arriving at the fake Bot Connector (the SDK's `reply` quotes
 *   the message it answers: that is how a reply is matched to its request),
 *   and the ack, the HTTP response to the POST, which the SDK sends once the
 *   handler has finished (after the reply). The targets are judged on the
 *   answer, what a user waits for, against the bare app's answer `ok`.
 *   Every ack must be HTTP 200 and every bot answer a real status answer (a
 *   card that shows the plan, or the milestone asked for, and not a
 *   problem); a run with failures, or errors in the bot's log, exits 1.
 *
 *   node --import tsx scripts/bench/teams-command-latency.ts [--n=1000] [--concurrency=1,10,50] [--milestones=10000]
 *   npm run bench teams-command-latency          (COMMAND_LATENCY_N=40 for a quick run)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { FakeTeams, guidFrom, type FakeMember, type StoredActivity } from '../../test/fakes/fake-teams/index.ts';
import type { ChildMessage, ParentMessage, ServerUsage } from './command-latency-server.ts';
import { COMMANDS, DEFAULTS, milestoneIds, perCommand, prepare, problemsInLog, round, tail, type CommandName, type Percentiles, type Prepared, type Sample } from './command-latency.ts';
import type { FakeTeamsSettings } from './teams-command-latency-server.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, writeResult, type Cell } from './lib/report.ts';
import { syntheticDirectory, syntheticPlan } from './lib/synthetic-plan.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('./teams-command-latency-server.ts', import.meta.url));
const MESSAGES_PATH = '/api/messages';

/** Issue 14: bot answer p99 / bare answer p99 ≤ 1.5 at 1 and 10 concurrent. */
export const TARGETS = { p99Ratio: 1.5, atConcurrency: [1, 10] };
/** A request whose ack or answer takes longer than this has failed. */
const TIMEOUT_MS = 120_000;

const teamsUser = (slackId: string): FakeMember => ({ id: `29:${slackId}`, aadObjectId: guidFrom(`bench:${slackId}`), name: slackId });
const teamsChannel = (slackId: string) => `19:${slackId.toLowerCase()}@thread.tacv2`;
/** The coordinator of the synthetic directory, as Teams names them. */
const USER = teamsUser(syntheticDirectory().coordinator!.users[0]!);

type TargetName = 'bare' | 'bot';

/** One target at one concurrency. */
interface LoadResult {
  target: TargetName;
  concurrency: number;
  /** Counted requests per second (warm-up excluded). */
  throughput: number;
  wallMs: number;
  ack: Record<CommandName | 'both', Percentiles>;
  answer: Record<CommandName | 'both', Percentiles>;
  failures: number;
  failureReasons: Record<string, number>;
  /** Requests sent, warm-up included. */
  requests: number;
  /** The first (warm-up) request of this run: on the bot's first run, the first command after start. */
  firstRequest: { ackMs: number; answerMs: number | null };
  serverCpuMsPerRequest: number;
  serverRssMiB: number;
}

interface Options {
  n: number;
  concurrency: number[];
  milestones: number;
}

function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positiveInt = (text: string | undefined, fallback: number, what: string) => {
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${what} must be a positive integer, got ${JSON.stringify(text)}`);
    return value;
  };
  const unknown = argv.filter((a) => !/^--(n|concurrency|milestones)=/.test(a));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}: use --n=1000 --concurrency=1,10,50 --milestones=10000`);
  const levels = flag('concurrency');
  return {
    n: positiveInt(flag('n') ?? env.COMMAND_LATENCY_N, DEFAULTS.n, '--n (COMMAND_LATENCY_N)'),
    concurrency: levels === undefined ? DEFAULTS.concurrency : levels.split(',').map((c) => positiveInt(c, 0, '--concurrency')),
    milestones: positiveInt(flag('milestones'), DEFAULTS.milestones, '--milestones'),
  };
}

/** The synthetic directory with Teams' names: Entra object ids for people, `19:…@thread.tacv2` for channels. */
function writeTeamsDirectory(folder: string): void {
  const directory = syntheticDirectory();
  const coordinator = directory.coordinator!;
  const divisions = Object.fromEntries(
    [...directory.divisions].map(([name, entry]) => [name, { ...entry, channel: entry.channel ? teamsChannel(entry.channel) : entry.channel, users: entry.users.map((u) => teamsUser(u).aadObjectId), deputies: entry.deputies.map((u) => teamsUser(u).aadObjectId) }]),
  );
  writeFileSync(
    join(folder, 'directory.yaml'),
    stringify({ coordinator: { ...coordinator, channel: teamsChannel(coordinator.channel), users: coordinator.users.map((u) => teamsUser(u).aadObjectId) }, divisions }),
  );
}

// ── the answers: replies arriving at the fake Bot Connector ──

/** Replies by the message they quote; each request waits for its own. */
class Replies {
  readonly #waiting = new Map<string, (reply: { at: number; activity: Record<string, unknown> }) => void>();
  /** Replies nobody waited for (a request that had already timed out). */
  strays = 0;

  /** For FakeTeams' onActivity. */
  readonly onActivity = (stored: StoredActivity): void => {
    const at = performance.now();
    const entities = Array.isArray(stored.activity.entities) ? (stored.activity.entities as { type?: unknown; quotedReply?: { messageId?: unknown } }[]) : [];
    const quoted = entities.find((e) => e.type === 'quotedReply')?.quotedReply?.messageId;
    const waiter = typeof quoted === 'string' ? this.#waiting.get(quoted) : undefined;
    if (!waiter || typeof quoted !== 'string') {
      this.strays++;
      return;
    }
    this.#waiting.delete(quoted);
    waiter({ at, activity: stored.activity });
  };

  /** Registered before the request is sent: the reply arrives before the ack. */
  expect(messageId: string, timeoutMs: number): Promise<{ at: number; activity: Record<string, unknown> } | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(messageId);
        resolve(null);
      }, timeoutMs);
      this.#waiting.set(messageId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }
}

// ── the servers ──

interface RunningServer {
  name: TargetName;
  url: URL;
  agent: Agent;
  usage(): Promise<ServerUsage>;
  stop(): Promise<number | null>;
}

/** Forks teams-command-latency-server.ts and waits until it listens. */
async function startServer(name: TargetName, args: string[], logFile: string): Promise<RunningServer> {
  const log = openSync(logFile, 'w');
  const child: ChildProcess = fork(SERVER, [name, ...args], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', log, log, 'ipc'] });
  closeSync(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((ready, failed) => {
    const onMessage = (message: ChildMessage) => {
      if (message.kind === 'ready') {
        child.off('message', onMessage);
        ready(message.port);
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => failed(new Error(`the ${name} server exited with ${code} before it listened; see ${logFile}:\n${tail(logFile)}`)));
  });
  const send = (message: ParentMessage) => child.send(message);
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  return {
    name,
    url: new URL(`http://127.0.0.1:${port}${MESSAGES_PATH}`),
    agent,
    usage: () =>
      new Promise((answer, failed) => {
        if (!child.connected) {
          failed(new Error(`the ${name} server is gone; see ${logFile}:\n${tail(logFile)}`));
          return;
        }
        const onMessage = (message: ChildMessage) => {
          if (message.kind === 'usage') {
            child.off('message', onMessage);
            answer(message.usage);
          }
        };
        child.on('message', onMessage);
        send({ kind: 'usage' });
      }),
    async stop() {
      agent.destroy();
      if (child.connected) send({ kind: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

// ── the client ──

function post(server: RunningServer, body: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((done, failed) => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Content-Length': String(Buffer.byteLength(body)) };
    const req = request(server.url, { method: 'POST', agent: server.agent, headers, timeout: TIMEOUT_MS }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', failed);
    });
    req.on('timeout', () => req.destroy(new Error(`no ack within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', failed);
    req.end(body);
  });
}

/** Every text a card shows, joined: what a person reads. */
function cardText(activity: Record<string, unknown>): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(activity.attachments);
  return texts.join('\n');
}

/**
 * Why a reply is not a real status answer, or null when it is one: the bare
 * app's must be `ok`; the bot's a card that names the milestone asked for,
 * or the plan summary (several of its pillars' lines), and no problem.
 */
function checkAnswer(target: TargetName, command: CommandName, id: string | null, activity: Record<string, unknown>, planTitle: string): string | null {
  if (target === 'bare') return String(activity.text ?? '').endsWith('ok') ? null : 'the bare reply is not ok';
  const text = cardText(activity);
  if (text === '') return 'the answer has no card';
  if (command === 'status <id>') return text.includes(`${id} `) ? null : `the milestone view is not of the id asked for: ${text.slice(0, 80)}`;
  return text.includes(planTitle) ? null : `not the plan summary: ${text.slice(0, 80)}`;
}

interface Load {
  concurrency: number;
  warmUp: number;
  counted: number;
  idOf: (i: number) => string;
}

async function runLoad(
  server: RunningServer,
  fake: FakeTeams,
  replies: Replies,
  load: Load,
  planTitle: string,
): Promise<{ samples: Sample[]; failures: string[]; wallMs: number; first: LoadResult['firstRequest'] }> {
  const total = load.warmUp + load.counted;
  // One token for the run, as the Bot Framework reuses its tokens for their lifetime.
  const token = fake.issuer.signActivityToken({ audience: fake.appId, serviceUrl: fake.urls.serviceUrl });
  const samples: Sample[] = [];
  const failures: string[] = [];
  let next = 0;
  let countedStart = 0;
  let countedEnd = 0;
  let first: LoadResult['firstRequest'] = { ackMs: Number.NaN, answerMs: null };

  const one = async (i: number): Promise<void> => {
    const command = COMMANDS[i % 2]!;
    const id = command === 'status <id>' ? load.idOf(i) : null;
    const activity = fake.activities.message({ from: USER, text: id === null ? 'status' : `status ${id}` });
    const body = JSON.stringify(activity);
    const replied = replies.expect(String(activity.id), TIMEOUT_MS);
    const start = performance.now();
    if (i === load.warmUp) countedStart = start;
    let ackMs = 0;
    let failure: string | null = null;
    try {
      const ack = await post(server, body, token);
      ackMs = performance.now() - start;
      if (ack.status !== 200) failure = `ack HTTP ${ack.status}`;
    } catch (error) {
      failure = `ack failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    let answerMs: number | null = null;
    const reply = failure === null ? await replied : null;
    if (failure === null && reply === null) failure = `no answer within ${TIMEOUT_MS / 1000} s`;
    else if (reply !== null) {
      answerMs = reply.at - start;
      failure = checkAnswer(server.name, command, id, reply.activity, planTitle);
    }
    countedEnd = Math.max(countedEnd, performance.now());
    if (i === 0) first = { ackMs: round(ackMs), answerMs: answerMs === null ? null : round(answerMs) };
    if (i < load.warmUp) return;
    if (failure !== null) failures.push(failure);
    else samples.push({ command, ackMs, answerMs });
  };

  const worker = async () => {
    for (let i = next++; i < total; i = next++) await one(i);
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  return { samples, failures, wallMs: countedEnd - countedStart, first };
}

async function measure(server: RunningServer, fake: FakeTeams, replies: Replies, load: Load, planTitle: string): Promise<LoadResult> {
  const before = await server.usage();
  const { samples, failures, wallMs, first } = await runLoad(server, fake, replies, load, planTitle);
  const after = await server.usage();
  // What the fake keeps of each reply is not needed any more.
  fake.reset();
  const cpuMs = after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs;
  const failureReasons: Record<string, number> = {};
  for (const reason of failures) failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
  return {
    target: server.name,
    concurrency: load.concurrency,
    throughput: round((samples.length + failures.length) / (wallMs / 1000)),
    wallMs: Math.round(wallMs),
    ack: perCommand(samples, (s) => s.ackMs),
    answer: perCommand(samples, (s) => s.answerMs),
    failures: failures.length,
    failureReasons,
    requests: load.warmUp + load.counted,
    firstRequest: first,
    serverCpuMsPerRequest: round(cpuMs / (load.warmUp + load.counted), 2),
    serverRssMiB: after.rssMiB,
  };
}

// ── the run ──

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const machine = machineInfo();
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-teams-command-latency-'));
  const servers: RunningServer[] = [];
  const replies = new Replies();
  // No rate limit: see the file comment.
  const fake = await new FakeTeams({ conversationLimits: [], onActivity: replies.onActivity }).start();
  try {
    process.stderr.write(`Teams command latency: preparing ${options.milestones} milestones with history…\n`);
    const prepared: Prepared = prepare(folder, options.milestones);
    writeTeamsDirectory(folder);
    const planTitle = syntheticPlan(options.milestones).title;
    const ids = milestoneIds(options.milestones);
    const settings: FakeTeamsSettings = { appId: fake.appId, appPassword: fake.appPassword, tenantId: fake.tenantId, urls: fake.urls };
    const now = `${prepared.busyDay}T00:00`;
    const botLog = join(folder, 'bot.log');
    const bare = await startServer('bare', [JSON.stringify(settings)], join(folder, 'bare.log'));
    servers.push(bare);
    const bot = await startServer('bot', [folder, JSON.stringify(settings), now], botLog);
    servers.push(bot);
    // What the bot posted at start (nothing is expected) is not an answer.
    fake.reset();

    const results: LoadResult[] = [];
    for (const concurrency of options.concurrency) {
      const load: Load = { concurrency, warmUp: Math.max(20, 2 * concurrency), counted: 2 * options.n, idOf: (i) => ids[(i >> 1) % ids.length]! };
      for (const server of [bare, bot]) {
        process.stderr.write(`  ${server.name} at ${concurrency} concurrent: ${load.warmUp} warm-up + ${load.counted} requests…`);
        const result = await measure(server, fake, replies, load, planTitle);
        process.stderr.write(` ${result.throughput} req/s${result.failures > 0 ? `, ${result.failures} FAILED` : ''}\n`);
        results.push(result);
      }
    }
    for (const server of servers.splice(0)) {
      const code = await server.stop();
      if (code !== 0) process.stderr.write(`the ${server.name} server exited with ${code}\n`);
    }
    report({ options, machine, prepared, now, results, log: problemsInLog(botLog), strays: replies.strays, loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2) });
  } finally {
    for (const server of servers) await server.stop();
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface Report {
  options: Options;
  machine: ReturnType<typeof machineInfo>;
  prepared: Prepared;
  now: string;
  results: LoadResult[];
  log: ReturnType<typeof problemsInLog>;
  strays: number;
  loadAverage1mAtEnd: number;
}

function report(run: Report): void {
  const { options, machine, prepared, results } = run;
  const of = (target: TargetName, concurrency: number) => results.find((r) => r.target === target && r.concurrency === concurrency)!;
  const ratio = (a: number, b: number) => round(a / b, 2);

  const rows: Cell[][] = [];
  const verdicts: Record<string, unknown>[] = [];
  for (const concurrency of options.concurrency) {
    const bare = of('bare', concurrency);
    const bot = of('bot', concurrency);
    for (const command of [...COMMANDS, 'both'] as const) {
      rows.push([concurrency, command, bare.answer[command].p50, bare.answer[command].p99, bot.answer[command].p50, bot.answer[command].p99, bot.answer[command].max, ratio(bot.answer[command].p99, bare.answer[command].p99), bare.ack[command].p99, bot.ack[command].p99, ratio(bot.ack[command].p99, bare.ack[command].p99)]);
    }
    const judged = TARGETS.atConcurrency.includes(concurrency);
    verdicts.push({
      concurrency,
      botAnswerP99Ms: bot.answer.both.p99,
      bareAnswerP99Ms: bare.answer.both.p99,
      p99Ratio: ratio(bot.answer.both.p99, bare.answer.both.p99),
      ackP99Ratio: ratio(bot.ack.both.p99, bare.ack.both.p99),
      ...(judged ? { ratioMet: bot.answer.both.p99 / bare.answer.both.p99 <= TARGETS.p99Ratio } : {}),
    });
  }

  console.log(
    `\nTeams command latency: ${prepared.milestones.toLocaleString('en')} milestones, ${prepared.historyRows.toLocaleString('en')} history rows, bot clock ${run.now} Asia/Tokyo, ${options.n} requests of each command per concurrency — ${describeMachine(machine)}`,
  );
  console.log(`1-minute load average ${machine.loadAverage1m} at the start, ${run.loadAverage1mAtEnd} at the end (this run alone keeps about 2 busy: more means something else shared the cores)`);
  console.log('ms from sending the signed activity; "answer" = the reply arriving at the Bot Connector (what the user waits for), "ack" = the HTTP response, sent once the handler finished\n');
  console.log(
    formatTable(
      ['concurrent', 'command', 'bare answer p50', 'bare answer p99', 'bot answer p50', 'bot answer p99', 'bot answer max', 'answer p99 ratio', 'bare ack p99', 'bot ack p99', 'ack p99 ratio'],
      rows,
    ),
  );
  console.log('');
  console.log(
    formatTable(
      ['concurrent', 'target', 'req/s', 'server CPU ms/req', 'server RSS MiB', 'failed'],
      results.map((r) => [r.concurrency, r.target, r.throughput, r.serverCpuMsPerRequest, r.serverRssMiB, r.failures]),
    ),
  );
  console.log(`\nTargets, judged on the answer (both commands), bot against the bare app:`);
  for (const v of verdicts) {
    const judged = 'ratioMet' in v ? `(≤ ${TARGETS.p99Ratio}): ${verdict(v.ratioMet as boolean)}` : '(no target at this concurrency)';
    console.log(`  ${v.concurrency} concurrent: answer p99 ${v.botAnswerP99Ms} ms / bare ${v.bareAnswerP99Ms} ms = ${v.p99Ratio} ${judged}`);
  }
  const firstBot = results.find((r) => r.target === 'bot');
  if (firstBot) console.log(`\nThe bot's first answer after start (a \`status\`, caches and JIT cold, not counted): ${firstBot.firstRequest.answerMs} ms`);
  const failures = results.reduce((sum, r) => sum + r.failures, 0);
  const strays = run.strays > 0 ? `; ${run.strays} replies matched no waiting request` : '';
  console.log(`\nFailed requests: ${failures}${strays}; bot log: ${run.log.errors} errors, ${run.log.warnings} warnings`);
  for (const r of results.filter((x) => x.failures > 0)) console.log(`  ${r.target} at ${r.concurrency}: ${JSON.stringify(r.failureReasons)}`);
  for (const line of run.log.first) console.log(`  log: ${line}`);

  const path = writeResult(
    'teams-command-latency',
    {
      command: 'node --import tsx scripts/bench/teams-command-latency.ts',
      setup: {
        milestones: prepared.milestones,
        historyRows: prepared.historyRows,
        divisions: prepared.divisions,
        botClock: `${run.now} Asia/Tokyo`,
        requestsPerCommand: options.n,
        concurrency: options.concurrency,
        warmUp: 'max(20, 2 × concurrency) requests, not counted',
        user: USER.aadObjectId,
        where: 'the personal chat',
        percentiles: 'nearest rank, ms from sending the signed activity',
        processes: 'client and fake Microsoft services (issuer, token endpoint, Bot Connector without rate limits) in one process; the bot and the bare Teams SDK app each in a child process',
        targets: { ...TARGETS, judgedOn: "the reply's arrival at the Bot Connector (both commands), bot against the bare app" },
      },
      verdicts,
      results,
      failures,
      strayReplies: run.strays,
      loadAverage1mAtEnd: run.loadAverage1mAtEnd,
      botLog: { errors: run.log.errors, warnings: run.log.warnings },
    },
    machine,
  );
  console.log(`\nwritten ${path}`);
  if (failures > 0 || run.log.errors > 0) {
    console.error(`\n${failures} requests failed and the bot logged ${run.log.errors} errors: these numbers measure failures, not answers.`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

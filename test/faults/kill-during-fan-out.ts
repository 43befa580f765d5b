// The SIGKILL fault harness shared by the Slack and Teams fan-out tests: child
// processes running the real dispatcher (dispatcher-child.ts,
// teams-dispatcher-child.ts), each killed at a seeded random point of the
// fan-out, then one final run that must finish it.
//
// Each point is "the fake has received the N-th post, then 0–20 ms more", so
// kills land while requests are in flight, between the platform's answer and
// the outbox write, and between messages. Each restart's clock runs one lease
// length ahead of the previous process's, so the messages the killed process
// held are free again. Timeouts are generous on purpose: other work loads the
// machine, and only the counts are asserted, never how long anything took.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { seededRandom } from '../fakes/seeded-random.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The dispatcher's default lease (60 s), and a second more. */
export const LEASE_STEP_MS = 61_000;
/** Processes loading in the background while one delivers. */
const SPAWN_AHEAD = 3;

export interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Resolves with the exit signal (SIGKILL) or null after a clean exit. */
  exited: Promise<NodeJS.Signals | null>;
  /** Lets it start delivering. */
  go(): void;
}

/**
 * Starts `script args…` under tsx; resolves once it prints `ready`. The child
 * prints one JSON line per delivery event after `go`, and `done` when nothing
 * is left to deliver.
 */
export function startChild(script: string, args: readonly string[], name: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line === 'ready') resolve({ process: child, lines, exited, go: () => child.stdin.write('go\n') });
    });
    void exited.then(() => reject(new Error(`${name} exited before it was ready: ${stderr}`)));
  });
}

export async function until(done: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface KillPlan {
  /** Messages in the fan-out. */
  total: number;
  kills: number;
  /** Posts left after the last kill point (more than one process sends at once). */
  headroom: number;
  seed: number;
  /** Posts the fake has received so far (every process, duplicates included). */
  posts: () => number;
  /** Starts run `index` (0-based; `final` names the last) with its clock `index` lease steps ahead. */
  start: (index: number, name: string) => Promise<Child>;
}

export interface KillReport {
  /** Every child started, in order, for their delivery events (and to kill in afterEach). */
  children: Child[];
  /** Where each kill landed. */
  kills: { target: number; extraMs: number; atPost: number }[];
}

/**
 * Runs the plan: `kills` processes each killed at its point, then a final one
 * that must finish the fan-out and exit cleanly. Fails if a process finished
 * before its kill point (the kill then proved nothing).
 */
export async function killDuringFanOut(plan: KillPlan, children: Child[]): Promise<KillReport> {
  const random = seededRandom(plan.seed);
  // Processes are started a few ahead and each is told to go when the one
  // before it is killed: a restart without the wait for Node to load.
  const spawnRun = (i: number) => {
    const started = plan.start(i, i === plan.kills ? 'final' : `run${i}`);
    void started.then((child) => children.push(child), () => {});
    return started;
  };
  const waiting = Array.from({ length: Math.min(SPAWN_AHEAD, plan.kills + 1) }, (_, i) => spawnRun(i));
  let spawned = waiting.length;
  const nextRun = () => {
    if (spawned <= plan.kills) waiting.push(spawnRun(spawned++));
    return waiting.shift()!;
  };
  const kills: KillReport['kills'] = [];
  for (let i = 0; i < plan.kills; i++) {
    // Spread over the fan-out but for its last `headroom` posts: a process
    // sends to several channels at once, so on a busy machine it can run
    // past its kill point before the kill lands, and must not finish first.
    const target = Math.max(Math.floor(((plan.total - plan.headroom) * (i + random())) / plan.kills) + 1, plan.posts() + 1);
    const extraMs = Math.floor(random() * 21);
    const child = await nextRun();
    child.go();
    await until(() => plan.posts() >= target || child.lines.includes('done'), `post ${target}`);
    if (extraMs > 0) await new Promise((resolve) => setTimeout(resolve, extraMs));
    expect(child.lines, `run ${i} finished before its kill point: kill targets must stay below ${plan.total}`).not.toContain('done');
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    kills.push({ target, extraMs, atPost: plan.posts() });
  }
  const last = await nextRun();
  last.go();
  await until(() => last.lines.includes('done'), 'the final run');
  expect(await last.exited).toBeNull();
  return { children, kills };
}

/** The delivery events every child printed (`sent`, `already_delivered`, …). */
export function deliveryEvents(children: readonly Child[]): { kind: string }[] {
  return children.flatMap((child) => child.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { kind: string }));
}

/** Keys posted never, and keys posted more than once, from every post's key. */
export function lostAndTwice(keys: readonly string[], postedKeys: readonly (string | null)[]): { lost: string[]; twice: string[]; distinct: number } {
  const perKey = new Map<string, number>();
  for (const key of postedKeys) if (key !== null) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  return {
    lost: keys.filter((key) => !perKey.has(key)),
    twice: [...perKey].filter(([, count]) => count > 1).map(([key]) => key),
    distinct: perKey.size,
  };
}

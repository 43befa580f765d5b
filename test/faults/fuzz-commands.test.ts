// 10,000 random /plan texts through the real Bolt app over signed HTTP
// (issue 8): unicode, huge, empty, injection strings, mentions, control
// characters. No crash, nothing written, every request acknowledged and
// answered. How fast the acknowledgement comes is a timing claim: it is the
// command-latency benchmark's (npm run bench, BENCHMARKS.md), not this test's,
// which runs on whatever load the machine has.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAppWorld, USERS, type SlackAppWorld } from '../adapters/slack/app/slack-app-world.ts';
import { seededRandom } from '../fakes/seeded-random.ts';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const CONCURRENCY = 16;


// Words the parser knows, so that random texts reach deep into it; `lang` is
// left out because `/plan lang en` is a legitimate write by anyone.
const FRAGMENTS = [
  'help', 'status', 'update', 'due', 'history', 'digest', 'post', 'replace', 'owner', 'mine', 'overdue', 'upcoming',
  'ヘルプ', '状況', '更新', '期限', '履歴', 'ダイジェスト', '担当', '遅延中', '今後', '完了', '順調', '注意', '遅延', '中止', '未着手',
  'done', 'on_track', 'at_risk', 'delayed', 'cancelled', '1-1-2', '6-2-10', '１－１－２', '99-9-99', '2021-02', '2020-13', '令和3年2月',
  '総務部人事課', '総務部 人事課', '<@U0COORD01|coord>', '<#C0JINJI001|jinji>', '<!channel>', '<!here>', '<https://evil.example|click>',
  '"quoted comment"', '「かぎ括弧」', "'; DROP TABLE milestone; --", '${process.exit()}', '{{7*7}}', '&amp;&lt;&gt;', '\\', '%00',
  '\u3000', '\t', '\n', '\r\n', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200b', '🙂', '𠮷', 'é', '\uFFFD', '\uD800',
];

function randomText(random: () => number): string {
  const kind = random();
  if (kind < 0.03) return '';
  if (kind < 0.06) return 'あ'.repeat(1 + Math.floor(random() * 4000));
  if (kind < 0.1) return Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join('');
  const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!);
  return words.join(random() < 0.8 ? ' ' : '');
}

describe('10,000 random /plan texts', () => {
  let world: SlackAppWorld;
  beforeAll(async () => {
    world = await startSlackAppWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('crash nothing, write nothing, and are all acknowledged and answered', async () => {
    console.info(`fuzz-commands: FAULT_SEED=${SEED} FUZZ_COUNT=${COUNT}`);
    const random = seededRandom(SEED);
    const tables = ['status_update', 'user_pref', 'outbox', 'digest', 'milestone', 'item_owner'] as const;
    const snapshot = async () => Promise.all(tables.map((t) => world.db.selectFrom(t).selectAll().execute()));
    const before = await snapshot();
    const directory = readFileSync(world.directoryPath, 'utf8');
    // Someone in no division: every write is refused, so nothing may change.
    const users = [USERS.stranger, 'U0NOBODY', ''];

    let slowest = 0;
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const text = randomText(random);
        const user = users[next++ % users.length]!;
        try {
          const result = await world.command(text, user);
          slowest = Math.max(slowest, result.http.elapsedMs);
          if (result.http.status !== 200) failures.push(`${result.http.status} for ${JSON.stringify(text).slice(0, 80)}`);
          if (!result.response.text && !result.response.blocks) failures.push(`no answer for ${JSON.stringify(text).slice(0, 80)}`);
        } catch (error) {
          failures.push(`${String(error).slice(0, 120)} for ${JSON.stringify(text).slice(0, 80)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures.slice(0, 5)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(readFileSync(world.directoryPath, 'utf8')).toBe(directory);
    // Still alive and well.
    const help = await world.command('help', USERS.jinji);
    expect(help.http.status).toBe(200);
    console.info(`fuzz-commands: ${COUNT} requests, slowest acknowledgement ${slowest} ms`);
  }, 600_000);
});

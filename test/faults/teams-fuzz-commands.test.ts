// Issue 14: the fuzz proof on Teams. Random command texts (unicode, huge,
// empty, injection strings, Slack and Teams markup, control characters) sent
// as signed activities to the real Teams app, in the personal chat and as
// channel @mentions, by someone in no division. No crash (every activity
// accepted with 200, the bot still answers afterwards), exactly one answer per
// message, never a stack trace or the internal-error message in an answer,
// text the parser refuses answered with its catalogued message, and nothing
// written to the database or the directory file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase } from '../../src/adapters/db/connect.ts';
import { commandTextOf, type MentionedMessage } from '../../src/adapters/teams/command-text.ts';
import { TEAMS_COMMAND_PREFIX } from '../../src/adapters/teams/cards/teams-command.ts';
import { HOME_WORDS } from '../../src/adapters/teams/send-home.ts';
import { buildReplyView } from '../../src/app/views/build-reply-view.ts';
import { parseCommand } from '../../src/app/commands/parse-command.ts';
import { problemReply } from '../../src/app/commands/reply.ts';
import { translate } from '../../src/i18n/catalog.ts';
import { cardText, COORDINATOR, GENERAL, REFORM, startTeamsBot, STRANGER, until, type TeamsBotWorld } from '../adapters/teams/teams-bot.ts';
import { seededRandom } from '../fakes/seeded-random.ts';

const COUNT = Number(process.env.FUZZ_COUNT ?? 600);
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const CONCURRENCY = 8;

// Words the parser knows, so that random texts reach deep into it, and what
// Teams adds (its mention markup, HTML entities, channel and Entra ids).
// `lang` is left out: `lang en` is a legitimate write by anyone.
const FRAGMENTS = [
  'help', 'status', 'update', 'due', 'history', 'digest', 'post', 'replace', 'owner', 'mine', 'overdue', 'upcoming', 'members', 'home',
  'ヘルプ', '状況', '更新', '期限', '履歴', 'ダイジェスト', '担当', '担当課', '遅延中', '今後', '完了', '順調', '注意', '遅延', '中止', '未着手', 'ホーム',
  'done', 'on_track', 'at_risk', 'delayed', 'cancelled', '1-1-2', '6-2-10', '１－１－２', '99-9-99', '2021-02', '2020-13', '令和3年2月', 'all', '全月',
  '総務部人事課', '総務部 人事課', '19:jinji@thread.tacv2', '19:x@thread.tacv2;messageid=1', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', '/plan',
  '<at>shinchoku</at>', '<at>someone</at>', '<p>html</p>', '&nbsp;', '&amp;&lt;&gt;', '&#0;', '&#x41;', '**bold**', '[link](https://evil.example)',
  '<@U0COORD01|coord>', '<#C0JINJI001|jinji>', '<!channel>', '"quoted comment"', '「かぎ括弧」', "'; DROP TABLE milestone; --", '${process.exit()}', '{{7*7}}', '\\', '%00',
  '\u3000', '\t', '\n', '\r\n', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200b', '🙂', '𠮷', 'é', '\uFFFD', '\uD800',
];

function randomText(random: () => number): string {
  const kind = random();
  if (kind < 0.03) return '';
  if (kind < 0.05) return 'あ'.repeat(1 + Math.floor(random() * 3000));
  if (kind < 0.09) return Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCodePoint(Math.floor(random() * 0x2ffff))).join('');
  const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!);
  return words.join(random() < 0.8 ? ' ' : '');
}

/** What the card shows once rendered: our markdown escapes and bold marks gone. */
function shown(activity: Record<string, unknown>): string {
  return cardText(activity)
    .replace(/\*\*/gu, '')
    .replace(/\\([\\`*_[\]<>~&!|#+=\-.)])/gu, '$1');
}

/** The first thing the answer to a refused text says: the catalogue's words for its problem. */
function catalogued(problem: Parameters<typeof problemReply>[0]): string {
  const reply = problemReply(problem);
  if (reply.kind === 'digest') throw new Error('not a problem');
  // As the Teams adapter words it: commands written `@shinchoku …`.
  const first = buildReplyView(reply, 'ja', { commandPrefix: TEAMS_COMMAND_PREFIX }).blocks.find((block) => block.kind === 'text');
  return first?.kind === 'text' ? first.text : '';
}

const STACK_TRACE = /\bat \S+ \(|\.ts:\d+:\d+|\bnode:internal\b|TypeError|ReferenceError/u;

let world: TeamsBotWorld;

describe(`${COUNT} random command texts on Teams`, () => {
  beforeAll(async () => {
    // One person sends hundreds of messages within seconds: far over Teams'
    // per-conversation limits, which are not what this tests.
    world = await startTeamsBot({}, { conversationLimits: [] });
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  }, 30_000);

  it('crash nothing, answer each once with no stack trace, refuse bad input with its catalogued message, write nothing', async () => {
    console.info(`teams-fuzz-commands: FAULT_SEED=${SEED} FUZZ_COUNT=${COUNT}`);
    const random = seededRandom(SEED);
    const tables = ['status_update', 'user_pref', 'digest', 'milestone', 'item_owner', 'teams_conversation'] as const;
    // A second connection to the bot's database, to read what it holds.
    const db = await openDatabase(join(world.dir, 'bot.db'));
    // The outbox by its messages: the dispatcher is delivering the day's reminders meanwhile (leases, statuses).
    const snapshot = async () => [
      ...(await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()))),
      await db.selectFrom('outbox').select(['key', 'channel']).orderBy('key').execute(),
    ];
    const before = await snapshot();
    const directory = readFileSync(world.directoryFile, 'utf8');
    const chat = world.fake.personalChat(STRANGER).id;
    const answerCount = () => world.fake.activitiesIn(chat).length + world.fake.activitiesIn(REFORM).filter((a) => a.replyToId !== null).length;
    const answersBefore = answerCount();

    const failures: string[] = [];
    /** Texts the parser refuses, with the first line of the catalogued message each must be answered with. */
    const refusals = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const n = next++;
        const text = randomText(random);
        const inChannel = n % 2 === 1;
        const activity = inChannel
          ? world.fake.activities.message({ from: STRANGER, teamId: GENERAL, channelId: REFORM, text, mention: true })
          : world.fake.activities.message({ from: STRANGER, text });
        const commandText = commandTextOf(activity as unknown as MentionedMessage);
        const parsed = parseCommand(commandText);
        // In the personal chat `home` (ホーム) is the home card, not a command.
        const home = !inChannel && HOME_WORDS.has(commandText.toLowerCase());
        if (!parsed.ok && !home) refusals.set(text, catalogued(parsed.error));
        try {
          const { status } = await world.fake.sendActivity(world.url, activity);
          if (status !== 200) failures.push(`${status} for ${JSON.stringify(text).slice(0, 80)}`);
        } catch (error) {
          failures.push(`${String(error).slice(0, 120)} for ${JSON.stringify(text).slice(0, 80)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 5)).toEqual([]);

    // Every message answered, once (in the thread, or the asker's personal chat).
    await until(() => answerCount() >= answersBefore + COUNT, 60_000).catch(() => undefined);
    expect(answerCount() - answersBefore).toBe(COUNT);
    const answers = [...world.fake.activitiesIn(chat), ...world.fake.activitiesIn(REFORM).filter((a) => a.replyToId !== null)].map((a) => shown(a.activity));
    const internal = translate('ja', 'plan.problem.internal');
    expect(answers.filter((a) => STACK_TRACE.test(a) || a.includes(internal)).slice(0, 3)).toEqual([]);
    // Each refused text's catalogued message is among the answers.
    const missing = [...refusals.values()].filter((line) => !answers.some((a) => a.includes(line)));
    expect(missing.slice(0, 3).map((m) => JSON.stringify(m))).toEqual([]);
    expect(refusals.size).toBeGreaterThan(0);

    expect(await snapshot()).toEqual(before);
    expect(readFileSync(world.directoryFile, 'utf8')).toBe(directory);
    await closeDatabase(db);

    // Still alive and well.
    const coordinatorChat = world.fake.personalChat(COORDINATOR).id;
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, text: 'status 6-2-10' }));
    expect(status).toBe(200);
    await until(() => world.fake.activitiesIn(coordinatorChat).length > 0, 30_000);
    expect(shown(world.fake.activitiesIn(coordinatorChat)[0]!.activity)).toContain('6-2-10');
    console.info(`teams-fuzz-commands: ${COUNT} activities, ${refusals.size} refused by the parser`);
  }, 600_000);
});

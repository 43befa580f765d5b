// Issue 15's "Done when", as one scripted half year on the FY2020 seed plan:
// the owners report statuses April to September (the year scenario's
// script), the reform office opens the interim report round on October 1st,
// the requests and reminders go out on the business-day rules (each once, to
// the right division), every division answers in chat (one after the
// deadline, one sent back and answered again), and the office downloads the
// workbook, whose figures, like the dashboard's, are the digest's of the
// same date; it prints on A4 landscape, fitted to the width; a cell edited
// in Excel comes back through `shinchoku import` as a diff, then an answer.
// A virtual clock throughout: no wall clock, no waiting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { createReportSources } from '../../src/adapters/db/report-sources.ts';
import { createReportEntryStore, createReportRoundStore } from '../../src/adapters/db/report-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { createUserPrefsStore } from '../../src/adapters/db/user-prefs-store.ts';
import { createDirectoryFile } from '../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../src/adapters/directory/load-directory.ts';
import { exportProgressReport } from '../../src/adapters/excel/export-workbook.ts';
import { columnNumber, FIRST_DATA_ROW } from '../../src/adapters/excel/progress-columns.ts';
import { renderReplyText } from '../../src/adapters/shell/render-reply-text.ts';
import { renderRoundText } from '../../src/adapters/shell/render-round-text.ts';
import { buildDashboard } from '../../src/app/build-dashboard.ts';
import { buildDigestFor } from '../../src/app/build-digest.ts';
import { parseCommand } from '../../src/app/commands/parse-command.ts';
import type { CommandDeps } from '../../src/app/commands/ports.ts';
import { runCommand } from '../../src/app/commands/run-command.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import type { Notifier, RoundMessage } from '../../src/app/ports.ts';
import { digestRoundFor } from '../../src/app/report/digest-round.ts';
import { runRoundTick } from '../../src/app/report/run-round-tick.ts';
import type { LocalDate, Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import { readPlanSource } from '../../src/import/read-plan-source.ts';
import { cli } from '../cli/run-cli.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';
import { ANSWERS, daysFrom } from './year-script.ts';
import { COORDINATOR, DIVISIONS, expectedChannel, TIME_ZONE } from './year-world.ts';

const PLAN_FILE = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const REMINDER_TIME = '09:30';
const COORD = COORDINATOR.users[0]!;
const jst = (day: LocalDate, time: string) => new Date(`${day}T${time}:00+09:00`);

/** Who answers for a division: its first user; the coordinators for their own division and any without users. */
const userOf = (division: string) => DIVISIONS[division]?.users[0] ?? COORD;

/**
 * The office's script for the round: each item answered by its first owner
 * division; 財政課 answers after the deadline; 1-1 is sent back and answered
 * again; 税務企画課 answers between two reminders.
 */
const LATE = '総務部財政課';
const BETWEEN = '総務部税務企画課';

interface World {
  folder: string;
  databasePath: string;
  directoryPath: string;
  db: Kysely<Database>;
  plan: Plan;
  clock: VirtualClock;
  deps: CommandDeps;
  delivered: { channel: string; key: string; body: RoundMessage }[];
  roundTick(now: Date): Promise<unknown>;
  runDispatcher(): Promise<void>;
}

let world: World;
const calendar = createJapaneseCalendar();

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-half-year-'));
  const databasePath = join(folder, 'shinchoku.db');
  const db = await openDatabase(databasePath);
  const source = await readPlanSource(PLAN_FILE, 'ja');
  if (!source.ok) throw new Error(source.error.message);
  const plan = source.value;
  await createPlanStore(db).save(plan, 'fy2020-mie.yaml', '2020-04-01T00:00:00.000Z');
  const directoryPath = join(folder, 'directory.yaml');
  writeFileSync(directoryPath, stringify({ coordinator: COORDINATOR, divisions: DIVISIONS }));
  const loaded = await loadDirectory(directoryPath);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const directory = createDirectoryFile(directoryPath, loaded.value);
  const clock = new VirtualClock('2020-04-01T09:00:00+09:00');
  const statuses = createStatusStore(db);
  // April to September: the owners' status reports of the year scenario.
  for (const answer of ANSWERS.filter((a) => a.on <= '2020-09-30')) {
    await statuses.append({ milestoneId: answer.milestoneId, ...(answer.checkpoint ? { checkpoint: answer.checkpoint } : {}), status: answer.status, actor: answer.user, via: answer.how.via === 'button' ? 'button' : 'slash', createdAt: jst(answer.on, answer.at).toISOString() });
  }
  const outbox = createOutboxStore(db);
  const roundTick = (now: Date, opening = false) =>
    runRoundTick(
      now,
      {
        plans: { load: () => createPlanStore(db).load() },
        planKey: 'fy2020',
        rounds: createReportRoundStore(db),
        entries: createReportEntryStore(db),
        outbox,
        directory: directory.current(),
        calendar,
        timeZone: TIME_ZONE,
        reminderTime: REMINDER_TIME,
        lang: 'ja',
      },
      { opening },
    );
  const deps: CommandDeps = {
    plans: createPlanStore(db),
    statuses,
    directory,
    members: { membersOf: async () => new Set<string>() },
    prefs: createUserPrefsStore(db),
    calendar,
    clock,
    timeZone: TIME_ZONE,
    defaultLang: 'ja',
    // As src/main.ts wires it: the requests go out the moment the round opens.
    reportRounds: { rounds: createReportRoundStore(db), entries: createReportEntryStore(db), planKey: async () => 'fy2020', onOpened: async (_key, now) => void (await roundTick(now, true)) },
  };
  // The chat platform is across the network: a notifier that records what it was handed, as the fakes do.
  const delivered: World['delivered'] = [];
  const notifier: Notifier = {
    async send(message) {
      if (message.body.type === 'round') delivered.push({ channel: message.channel, key: message.key, body: message.body });
      return { ok: true, ts: `${delivered.length}.000100` };
    },
    findDelivered: async () => null,
  };
  const dispatcher = createDispatcher({ outbox, notifier, clock, owner: 'half-year', minIntervalPerChannelMs: 0 });
  world = {
    folder,
    databasePath,
    directoryPath,
    db,
    plan,
    clock,
    deps,
    delivered,
    roundTick: (now) => roundTick(now),
    runDispatcher: async () => void (await dispatcher.runOnce()),
  };
});

afterAll(async () => {
  await closeDatabase(world.db);
  rmSync(world.folder, { recursive: true, force: true });
});

async function say(at: Date, userId: string, text: string): Promise<string> {
  world.clock.set(at);
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code}`);
  const reply = renderReplyText(await runCommand(world.deps, userId, parsed.value, 'slash'), 'ja');
  await world.runDispatcher();
  return reply;
}

async function tick(day: LocalDate): Promise<void> {
  world.clock.set(jst(day, REMINDER_TIME));
  await world.roundTick(jst(day, REMINDER_TIME));
  await world.runDispatcher();
}

/** The items of the plan in order, with their owners. */
function items(plan: Plan) {
  return plan.pillars.flatMap((p) => p.initiatives.flatMap((i) => i.items.map((item) => ({ id: item.id, owners: [...item.owners] }))));
}

describe('a half year and its interim report', () => {
  it('asks, reminds, collects every answer, and hands over a workbook and a dashboard whose figures are the digest\'s', async () => {
    const plan = world.plan;
    const all = items(plan);
    const owners = [...new Set(all.flatMap((item) => item.owners))];

    // The office opens the round on October 1st: each owner division is asked at once, in its own channel, for its items.
    expect(await say(jst('2020-10-01', '10:00'), COORD, 'report open 2020-09-30 締切 2020-10-09')).toContain(`${owners.length} 課に ${all.length} 件の取組項目の回答を依頼します`);
    expect(world.delivered.map((m) => [m.body.kind, m.body.division, m.channel, m.body.items.map((i) => i.id)])).toEqual(
      owners.map((division) => ['request', division, expectedChannel(division).channel, all.filter((item) => item.owners.includes(division)).map((item) => item.id)]),
    );
    expect(renderRoundText(world.delivered[0]!.body)).toContain('【報告依頼】令和2年9月30日現在の進捗報告をお願いします(締切 令和2年10月9日(金))');

    // The script, kept in time order: who answers what and when.
    const script: { at: Date; user: string; text: string }[] = [];
    const firstOwned = (division: string) => all.filter((item) => item.owners[0] === division).map((item) => item.id);
    for (const division of owners.filter((d) => d !== LATE && d !== BETWEEN)) {
      for (const id of firstOwned(division)) script.push({ at: jst('2020-10-02', '10:00'), user: userOf(division), text: `report answer ${id} 評価=○ 実績=上半期の取組を予定どおり実施` });
    }
    script.push({ at: jst('2020-10-02', '15:00'), user: COORD, text: 'report return 1-1 研修の受講者数を添えてください' });
    script.push({ at: jst('2020-10-05', '11:00'), user: userOf('総務部人事課'), text: 'report answer 1-1 実績=研修を2回実施(受講者 120 人)' });
    for (const id of firstOwned(BETWEEN)) script.push({ at: jst('2020-10-07', '10:00'), user: userOf(BETWEEN), text: `report answer ${id} 評価=△ 実績=システム改修の一部が遅れています` });
    for (const id of firstOwned(LATE)) script.push({ at: jst('2020-10-13', '10:00'), user: userOf(LATE), text: `report answer ${id} 評価=○ 実績=予算編成に反映` });

    // What each message should list, worked out from the script alone: an item is owed until answered, and again once sent back.
    const answeredAt = (id: string, at: Date) => {
      let answered = false;
      for (const step of script.filter((s) => s.at < at)) {
        if (step.text.startsWith(`report answer ${id} `)) answered = true;
        if (step.text.startsWith(`report return ${id} `)) answered = false;
      }
      return answered;
    };
    const owedAt = (division: string, at: Date) => all.filter((item) => item.owners.includes(division) && !answeredAt(item.id, at)).map((item) => item.id);
    // The business-day rules for a deadline of Friday 10/9: 3 and 1 business days before (10/6, 10/8) and on it; after it, the next business day (10/12) and 5 business days later (10/19).
    const reminderDays = new Set(['2020-10-06', '2020-10-08', '2020-10-09']);
    const overdueDays = new Set(['2020-10-12', '2020-10-19']);
    const expected: string[] = [];

    let next = 0;
    for (const day of daysFrom('2020-10-02', '2020-10-23')) {
      // The day's answers before the reminder time happen first; then the tick; then the rest of the day.
      const tickAt = jst(day, REMINDER_TIME);
      const before = world.delivered.length;
      if (calendar.isBusinessDay(day)) {
        await tick(day);
        for (const division of owners) {
          const owed = owedAt(division, tickAt);
          if (owed.length === 0) continue;
          if (reminderDays.has(day)) expected.push(`${day} reminder ${division} ${owed.join(',')}`);
          else if (overdueDays.has(day)) expected.push(`${day} overdue ${division} ${owed.join(',')}`);
          else if (day === '2020-10-05' && division === '総務部人事課') expected.push(`${day} returned ${division} 1-1`);
        }
        if (day === '2020-10-12') expected.push(`${day} escalation ${COORDINATOR.division} ${owners.filter((d) => owedAt(d, tickAt).length > 0).join(',')}`);
      }
      const sentToday = world.delivered.slice(before).map((m) => `${day} ${m.body.kind} ${m.body.division} ${m.body.kind === 'escalation' ? m.body.divisions.map((d) => d.division).join(',') : m.body.items.map((i) => i.id).join(',')}`);
      expect(sentToday).toEqual(expected.filter((line) => line.startsWith(day)));
      while (next < script.length && script[next]!.at < jst(addDay(day), '00:00')) {
        const step = script[next++]!;
        const reply = await say(step.at, step.user, step.text);
        expect(reply).not.toMatch(/^! /u);
        if (step.at > jst('2020-10-09', '23:59') && step.text.startsWith('report answer')) expect(reply).toContain('締切後の回答');
      }
    }
    expect(next).toBe(script.length);
    // Every kind went out: the script is not one that asks nothing.
    expect(new Set(expected.map((line) => line.split(' ')[1]))).toEqual(new Set(['returned', 'reminder', 'overdue', 'escalation']));
    // Each message once, to its division's channel (the unmapped division's and the escalation to the coordinators').
    expect(new Set(world.delivered.map((m) => m.key)).size).toBe(world.delivered.length);
    for (const m of world.delivered) expect(m.channel).toBe(m.body.kind === 'escalation' ? COORDINATOR.channel : expectedChannel(m.body.division).channel);
    const sentBack = world.delivered.find((m) => m.body.kind === 'returned')!;
    expect(renderRoundText(sentBack.body)).toContain('差し戻しの理由: 研修の受講者数を添えてください');

    // Every division has answered: the digest's round line says so.
    const digests = createDigestStore(world.db, '');
    const round = (await createReportRoundStore(world.db).current('fy2020'))!;
    const digestOf = async (date: LocalDate) => {
      const built = await buildDigestFor(date, {
        plans: world.deps.plans,
        statuses: createStatusStore(world.db),
        digests,
        directory: world.deps.directory.current(),
        calendar,
        policy: DEFAULT_REMINDER_POLICY,
        timeZone: TIME_ZONE,
        reportRound: (p: Plan, d: LocalDate) => digestRoundFor({ rounds: createReportRoundStore(world.db), entries: createReportEntryStore(world.db), planKey: 'fy2020', timeZone: TIME_ZONE }, p, d),
      });
      if (!built.ok) throw new Error('no digest');
      return built.value;
    };
    expect((await digestOf('2020-10-12')).reportRound?.missing.items.map((d) => d.division)).toEqual(owners.filter((d) => owedAt(d, jst('2020-10-12', '00:00')).length > 0));
    expect((await digestOf('2020-10-14')).reportRound).toMatchObject({ answered: owners.length, total: owners.length, missing: { total: 0 } });

    // The workbook of the round and the dashboard of its date: the digest's figures of 9/30.
    const sources = createReportSources(world.db, { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, rounds: createReportRoundStore(world.db), entries: createReportEntryStore(world.db) });
    world.clock.set(jst('2020-10-14', '10:00'));
    const exported = await exportProgressReport(sources, { planKey: 'fy2020', roundId: round.id, today: '2020-10-14' }, { lang: 'ja', now: world.clock.now() });
    if (!exported.ok) throw new Error(exported.error.code);
    const { sheet } = exported.value;
    const digest = await digestOf('2020-09-30');
    const dashboard = await buildDashboard('2020-09-30', { plan, statuses: createStatusStore(world.db), digests, directory: world.deps.directory.current() }, { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE });
    const figures = (counts: object, progress: { total: number; done: number; overdue: number }) => ({ counts, total: progress.total, done: progress.done, overdue: progress.overdue });
    expect(digest.progress.done).toBeGreaterThan(0);
    expect(digest.progress.overdue).toBeGreaterThan(0);
    expect(figures(sheet.total.counts, sheet.total)).toEqual(figures(digest.counts, digest.progress));
    expect(figures(dashboard.digest.counts, dashboard.digest.progress)).toEqual(figures(digest.counts, digest.progress));
    expect(sheet.total.completionRate).toBeCloseTo(digest.progress.done / digest.progress.total);
    expect(sheet.pillars.map((p) => figures(p.counts, p))).toEqual(digest.pillars.items.map((p) => figures(p.counts, p.progress)));
    expect(Object.fromEntries(sheet.divisions.map((d) => [d.label, d.counts]))).toEqual(Object.fromEntries(dashboard.divisions.map((d) => [d.division, d.counts])));
    expect(dashboard.overdue).toHaveLength(digest.progress.overdue);
    // Every item answered: ○ but 税務企画課's △, nothing unanswered.
    expect(sheet.total.unanswered).toBe(0);
    expect(sheet.total.evaluations).toMatchObject({ '○': all.length - firstOwned(BETWEEN).length, '△': firstOwned(BETWEEN).length });

    // The file itself: the same totals in 柱別集計, and 進捗管理表 printed on A4 landscape, fitted to the width.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.value.bytes as unknown as ExcelJS.Buffer);
    const main = workbook.getWorksheet('進捗管理表')!;
    expect(main.getCell('A2').value).toBe('令和2年9月30日現在');
    expect(main.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const pillars = workbook.getWorksheet('柱別集計')!;
    const header = (pillars.getRow(4).values as unknown[]).slice(1);
    const totalRow = (pillars.getRow(5 + plan.pillars.length).values as unknown[]).slice(1);
    expect(totalRow[0]).toBe('合計');
    expect(totalRow[header.indexOf('計(中止を除く)')]).toBe(digest.progress.total);
    expect(totalRow[header.indexOf('完了')]).toBe(digest.counts.done);
    expect(totalRow[header.indexOf('期限超過')]).toBe(digest.progress.overdue);

    // Someone edits 7-1's evaluation and achievement in Excel; `shinchoku import` shows the diff, then records it via excel.
    const row = [...Array(main.rowCount - FIRST_DATA_ROW + 1).keys()].map((i) => FIRST_DATA_ROW + i).find((r) => main.getCell(r, 1).value === '7-1')!;
    expect(main.getCell(row, columnNumber('evaluation')).value).toBe('○');
    main.getCell(row, columnNumber('evaluation')).value = '△';
    main.getCell(row, columnNumber('achievement')).value = '予算編成に反映(一部は次年度)';
    const edited = join(world.folder, 'edited.xlsx');
    await workbook.xlsx.writeFile(edited);
    const env = { DATABASE_URL: world.databasePath, SHINCHOKU_DIRECTORY: world.directoryPath, SHINCHOKU_NOW: '2020-10-14T11:00' };
    const entries = async () => (await createReportEntryStore(world.db).all(round.id)).length;
    const before = await entries();
    const dry = await cli(['import', edited], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`報告 第${round.id}回への回答として取り込む変更: 1 件`);
    expect(dry.stdout).toContain('計画(取組項目・担当課・年次計画)の変更はありません');
    expect(dry.stdout).toContain('  7-1 県民参加型予算の導入(総務部財政課): 取組実績「予算編成に反映」→「予算編成に反映(一部は次年度)」、進捗評価「○」→「△」');
    expect(dry.stdout).toContain('ドライラン');
    expect(await entries()).toBe(before);
    const applied = await cli(['import', edited, '--apply'], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('回答 1 件を記録しました(経路: excel)');
    const latest = (await createReportEntryStore(world.db).latestAnswerByItem(round.id)).get('7-1')!;
    expect([latest.evaluation, latest.achievement, latest.via]).toEqual(['△', '予算編成に反映(一部は次年度)', 'excel']);

    // Closed: nothing more is asked.
    expect(await say(jst('2020-10-15', '10:00'), COORD, 'report close')).toContain('すべての課が回答しました');
    const sent = world.delivered.length;
    await tick('2020-10-19');
    expect(world.delivered.length).toBe(sent);
  });
});

function addDay(day: LocalDate): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

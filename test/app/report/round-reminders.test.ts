// A report round's requests and reminders (issue 15 §1: "reminders for the
// round follow the business-day rules"): the request goes out as the round
// opens, reminders 3 and 1 business days before the deadline and on it,
// then after it the next business day and weekly, the coordinator told once;
// a sent-back item re-asks its division; each message once, to the right
// division, whatever runs twice or is down for a day; nothing once closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { renderRoundText } from '../../../src/adapters/shell/render-round-text.ts';
import { readReportAnswerValue, renderRound } from '../../../src/adapters/slack/render-round.ts';
import { renderRoundCard } from '../../../src/adapters/teams/cards/render-round-card.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import type { RoundMessage } from '../../../src/app/ports.ts';
import { runRoundTick, type RoundTickDeps } from '../../../src/app/report/run-round-tick.ts';
import { businessDaysLeft, scheduledDayOf } from '../../../src/app/report/round-notices.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import type { LocalDate } from '../../../src/domain/plan.ts';
import { openCommandWorld, type CommandWorld } from '../commands/command-world.ts';

const COORD = 'U0COORD01';
const JINJI = 'U0JINJI01';
const SUITO = 'U0SUITO01';

describe('report round requests and reminders', () => {
  let world: CommandWorld;
  let tickDeps: RoundTickDeps;
  beforeEach(async () => {
    world = await openCommandWorld();
    world.members.set('C0SUITO001', [SUITO]);
    tickDeps = {
      plans: { load: () => createPlanStore(world.db).load() },
      planKey: 'fy2023',
      rounds: createReportRoundStore(world.db),
      entries: createReportEntryStore(world.db),
      outbox: createOutboxStore(world.db),
      directory: world.deps.directory.current(),
      calendar: world.deps.calendar,
      timeZone: 'Asia/Tokyo',
      reminderTime: '09:00',
      lang: 'ja',
    };
    // As main.ts wires it: the requests go out the moment the round opens.
    world.deps.reportRounds = { ...world.deps.reportRounds!, onOpened: async (_plan, now) => void (await runRoundTick(now, tickDeps, { opening: true })) };
  });
  afterEach(async () => {
    await world.close();
  });

  const at = (iso: string) => world.clock.set(new Date(iso));
  const say = async (userId: string, text: string) => {
    const parsed = parseCommand(text);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code}`);
    return renderReplyText(await runCommand(world.deps, userId, parsed.value, 'shell'), 'ja');
  };
  const tickOn = (day: LocalDate, time = '09:00') => runRoundTick(new Date(`${day}T${time}:00+09:00`), tickDeps);
  const sent = async () =>
    (await createOutboxStore(world.db).list()).filter((e) => e.body.type === 'round').map((e) => ({ day: e.day, division: e.division, channel: e.channel, body: e.body as RoundMessage }));
  const summary = async () => (await sent()).map((m) => `${m.day} ${m.body.kind} ${m.division} ${m.body.items.map((i) => i.id).join(',')}${m.body.divisions.map((d) => `${d.division}:${d.owed}`).join(',')}`);

  it('schedules the reminders on business days: 3 and 1 before the deadline, on it, then the next business day and every 5th', () => {
    const calendar = world.deps.calendar;
    const round = { deadline: '2023-10-06' };
    // 2023-10-09 is a holiday (スポーツの日), so the first business day after the Friday deadline is Tuesday the 10th.
    expect(['2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06', '2023-10-07', '2023-10-10', '2023-10-16', '2023-10-17'].map((d) => scheduledDayOf(d, round, calendar))).toEqual([
      null,
      '2023-10-03',
      '2023-10-03',
      '2023-10-05',
      '2023-10-06',
      '2023-10-06',
      '2023-10-10',
      '2023-10-10',
      '2023-10-17',
    ]);
    expect(businessDaysLeft('2023-10-03', round, calendar)).toBe(3);
    expect(businessDaysLeft('2023-10-10', round, calendar)).toBe(-1);
  });

  it('asks each division once, reminds those still owing answers, re-asks a sent-back item, tells the coordinator once, and stops when closed', async () => {
    at('2023-09-19T14:00:00+09:00');
    await say(COORD, 'report open 2023-09-30 締切 2023-10-06');
    // At once, each owner division its own items; 法務・文書課 has no channel, so the coordinators' channel stands in.
    expect(await sent()).toMatchObject([
      { division: '総務部人事課', channel: 'C0JINJI001', body: { kind: 'request', unmapped: false, items: [{ id: '1-1' }, { id: '2-1' }] } },
      { division: '総務部法務・文書課', channel: 'C0REFORM01', body: { kind: 'request', unmapped: true, items: [{ id: '1-2' }] } },
      { division: '出納局出納総務課', channel: 'C0SUITO001', body: { kind: 'request', items: [{ id: '1-2' }] } },
    ]);
    // The same day's tick, and two instances at once the day after, add nothing.
    expect((await tickOn('2023-09-19', '15:00')).messages).toBe(0);
    await Promise.all([tickOn('2023-09-20'), tickOn('2023-09-20')]);
    expect(await sent()).toHaveLength(3);

    at('2023-09-20T10:00:00+09:00');
    await say(JINJI, 'report answer 1-1 評価=○ 実績=研修を2回実施');
    await say(JINJI, 'report answer 2-1 評価=△ 実績=テレワーク規程を改正');
    at('2023-09-21T11:00:00+09:00');
    await say(COORD, 'report return 2-1 利用率の数字を添えてください');
    // The tick after the send-back re-asks 人事課 for 2-1 alone, with the comment.
    await tickOn('2023-09-22');
    await tickOn('2023-09-22', '17:00');
    const returned = (await sent()).at(-1)!;
    expect(returned).toMatchObject({ day: '2023-09-22', division: '総務部人事課', body: { kind: 'returned', items: [{ id: '2-1', returned: '利用率の数字を添えてください' }] } });
    expect(renderRoundText(returned.body)).toContain('差し戻しの理由: 利用率の数字を添えてください');
    at('2023-09-22T13:00:00+09:00');
    await say(JINJI, 'report answer 2-1 実績=テレワーク規程を改正(利用率 42%)');

    // Every business day at the reminder time, except 10-03, when the bot was down: that reminder goes out on the 4th, once.
    for (const day of ['2023-09-25', '2023-09-26', '2023-09-27', '2023-09-28', '2023-09-29', '2023-10-02', '2023-10-04', '2023-10-05', '2023-10-06', '2023-10-10', '2023-10-11', '2023-10-12']) await tickOn(day);
    // Days off send nothing, whatever the time.
    expect((await tickOn('2023-10-09', '12:00')).messages).toBe(0);
    for (const day of ['2023-10-13', '2023-10-16', '2023-10-17']) await tickOn(day);
    // 出納局 answers the co-owned 1-2 late: that answers it for 法務・文書課 too.
    at('2023-10-18T10:00:00+09:00');
    await say(SUITO, 'report answer 1-2 評価=× 実績=');
    for (const day of ['2023-10-18', '2023-10-24', '2023-10-25']) await tickOn(day);

    expect(await summary()).toEqual([
      '2023-09-19 request 総務部人事課 1-1,2-1',
      '2023-09-19 request 総務部法務・文書課 1-2',
      '2023-09-19 request 出納局出納総務課 1-2',
      '2023-09-22 returned 総務部人事課 2-1',
      '2023-10-04 reminder 総務部法務・文書課 1-2',
      '2023-10-04 reminder 出納局出納総務課 1-2',
      '2023-10-05 reminder 総務部法務・文書課 1-2',
      '2023-10-05 reminder 出納局出納総務課 1-2',
      '2023-10-06 reminder 総務部法務・文書課 1-2',
      '2023-10-06 reminder 出納局出納総務課 1-2',
      '2023-10-10 overdue 総務部法務・文書課 1-2',
      '2023-10-10 overdue 出納局出納総務課 1-2',
      '2023-10-10 escalation 総務部行財政改革推進課 総務部法務・文書課:1,出納局出納総務課:1',
      '2023-10-17 overdue 総務部法務・文書課 1-2',
      '2023-10-17 overdue 出納局出納総務課 1-2',
    ]);
    const all = await sent();
    expect(all.find((m) => m.body.kind === 'escalation')?.channel).toBe('C0REFORM01');
    expect(all.filter((m) => m.body.kind === 'reminder').map((m) => m.body.daysLeft)).toEqual([2, 2, 1, 1, 0, 0]);

    // A new round after this one is closed asks again; nothing more of the closed one.
    await say(COORD, 'report close');
    expect((await tickOn('2023-10-26')).messages).toBe(0);
  });

  it('is worded from one view on Slack, Teams and the shell, in both languages, each item with its 回答 button', async () => {
    at('2023-09-19T14:00:00+09:00');
    await say(COORD, 'report open 2023-09-30 締切 2023-10-06');
    const request = (await createOutboxStore(world.db).list())[0]!;
    const body = request.body as RoundMessage;

    const text = renderRoundText(body);
    expect(text).toContain('== 【報告依頼】令和5年9月30日現在の進捗報告をお願いします(締切 令和5年10月6日(金))');
    expect(text).toContain('総務部人事課 の取組項目(2 件)');
    expect(text).toContain('1-1 人材育成基本方針に基づく研修の実施');
    expect(text).toContain('/plan report answer 番号');
    // ICU writes September `Sep` or `Sept`, by version.
    expect(renderRoundText({ ...body, lang: 'en' })).toMatch(/\[Report request\] Please report progress as of 30 Sept? 2023 \(deadline Fri 6 Oct 2023\)/u);

    const slack = renderRound(body);
    const actions = slack.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(actions.elements.map((e) => [e.action_id, e.value, e.text.text])).toEqual([
      ['report_answer_0', '{"i":"1-1","p":"fy2023"}', '回答 1-1'],
      ['report_answer_1', '{"i":"2-1","p":"fy2023"}', '回答 2-1'],
    ]);
    // Each button names the round's plan, so it opens that plan's form whichever plan is the default;
    // a bare item id (a message queued before) still reads as the default plan's.
    expect(readReportAnswerValue(actions.elements[1]!.value)).toEqual({ itemId: '2-1', planKey: 'fy2023' });
    expect(readReportAnswerValue('2-1')).toEqual({ itemId: '2-1', planKey: null });
    expect(readReportAnswerValue('{"i":"2-1","p":"../etc"}')).toBeNull();
    expect(slack.text).toContain('総務部人事課 2 件');

    const card = JSON.stringify(renderRoundCard(body, request.key));
    expect(card).toContain(`shinchoku-outbox:${request.key}`);
    expect(card).toContain('"dialog_id":"report_answer","i":"2-1","p":"fy2023"');
    expect(card).toContain('"title":"回答 1-1"');
    // Teams has no slash commands: how to answer is said the Teams way, as Slack's keeps `/plan`.
    expect(card).not.toContain('/plan');
    expect(card).toContain('@shinchoku report answer');
    expect(JSON.stringify(renderRound(body))).toContain('/plan report answer');

    // The deadline day itself says "today"; a deadline on a day off is reminded on the business day
    // before it, which says so rather than "today".
    const onDeadline: RoundMessage = { ...body, kind: 'reminder', day: body.round.deadline, daysLeft: 0 };
    expect(renderRoundText(onDeadline)).toContain('【本日締切】');
    const beforeDayOff: RoundMessage = { ...onDeadline, round: { ...body.round, deadline: '2023-10-07' }, day: '2023-10-06' };
    expect(renderRoundText(beforeDayOff)).toContain('== 【締切前の最後の営業日】令和5年9月30日現在の進捗報告の締切は 令和5年10月7日(土) です');
    expect(renderRoundText(beforeDayOff)).not.toContain('本日');

    // Overdue: how late, in business days; the coordinator's message lists the divisions.
    const late: RoundMessage = { ...body, kind: 'overdue', daysLeft: -3 };
    expect(renderRoundText(late)).toContain('! 締切を 3 営業日過ぎています');
    const escalation: RoundMessage = { ...body, kind: 'escalation', daysLeft: -1, items: [], divisions: [{ division: '出納局出納総務課', owed: 1 }] };
    expect(renderRoundText(escalation)).toContain('出納局出納総務課');
    expect(renderRoundText({ ...escalation, lang: 'en' })).toContain('Divisions that have not answered everything (1)');
    expect(renderRound(escalation).blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

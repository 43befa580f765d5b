// A report round from opening to close, as the reform office lives it: three
// divisions are asked, one answers and has an item sent back and answers it
// again, one answers after the deadline, and the weekly digest names who has
// not answered at each point.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { renderDigestText } from '../../../src/adapters/shell/render-digest-text.ts';
import { buildDigestFor } from '../../../src/app/build-digest.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import { digestMessage } from '../../../src/app/digest-message.ts';
import { digestRoundFor } from '../../../src/app/report/digest-round.ts';
import { isoWeekKey } from '../../../src/domain/iso-week.ts';
import type { LocalDate, Plan } from '../../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { openCommandWorld, type CommandWorld } from '../commands/command-world.ts';

const COORD = 'U0COORD01';
const JINJI = 'U0JINJI01';
const SUITO = 'U0SUITO01';

describe('a report round, start to close', () => {
  let world: CommandWorld;
  beforeEach(async () => {
    world = await openCommandWorld();
    // 出納局出納総務課 speaks through its channel's members.
    world.members.set('C0SUITO001', [SUITO]);
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
  const digestOn = async (date: LocalDate, lang: 'ja' | 'en' = 'ja') => {
    const built = await buildDigestFor(date, {
      plans: world.deps.plans,
      statuses: world.deps.statuses as never,
      digests: { latestBefore: async () => null },
      directory: world.deps.directory.current(),
      calendar: world.deps.calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: 'Asia/Tokyo',
      reportRound: (plan: Plan, day: LocalDate) => digestRoundFor({ rounds: createReportRoundStore(world.db), entries: createReportEntryStore(world.db), planKey: 'fy2023', timeZone: 'Asia/Tokyo' }, plan, day),
    });
    if (!built.ok) throw new Error('no digest');
    return { digest: built.value, text: renderDigestText(digestMessage(built.value, { lang, week: isoWeekKey(date) })) };
  };

  it('the digest shows who has not answered; a sent-back item owes an answer again; a late answer counts and is marked late', async () => {
    expect((await digestOn('2023-09-19')).digest.reportRound).toBeUndefined();
    expect(await say(COORD, 'report open 2023-09-30 締切 2023-10-06')).toContain('3 課に 3 件の取組項目の回答を依頼します');

    let digest = await digestOn('2023-09-19');
    expect(digest.digest.reportRound).toMatchObject({ asOf: '2023-09-30', deadline: '2023-10-06', answered: 0, total: 3, missing: { total: 3 } });
    expect(digest.text).toContain('令和5年9月30日現在の報告(締切 令和5年10月6日(金)): 0/3 課が回答済み');
    expect(digest.text).toContain('  総務部人事課 — 未回答 2 件\n  総務部法務・文書課 — 未回答 1 件\n  出納局出納総務課 — 未回答 1 件');

    at('2023-09-20T10:00:00+09:00');
    await say(JINJI, 'report answer 1-1 評価=○ 実績=研修を2回実施');
    await say(JINJI, 'report answer 2-1 評価=△ 実績=テレワーク規程を改正 課題=端末不足');
    at('2023-09-21T10:00:00+09:00');
    expect(await say(COORD, 'report return 2-1 利用率の数字を添えてください')).toContain('差し戻しました');
    digest = await digestOn('2023-09-22');
    expect(digest.digest.reportRound).toMatchObject({ answered: 0, missing: { items: [{ division: '総務部人事課', notAnswered: 1, returned: 1 }, expect.anything(), expect.anything()] } });
    expect(digest.text).toContain('総務部人事課 — 未回答 1 件 ／ うち差し戻し 1 件');

    at('2023-09-22T10:00:00+09:00');
    await say(JINJI, 'report answer 2-1 実績=テレワーク規程を改正(利用率 42%)');
    digest = await digestOn('2023-09-25');
    expect(digest.text).toContain('1/3 課が回答済み');
    expect(digest.text).not.toContain('総務部人事課 — 未回答');
    expect(digest.digest.reportRound?.missing.items.map((d) => d.division)).toEqual(['総務部法務・文書課', '出納局出納総務課']);

    // 出納局 answers the co-owned 1-2 after the deadline: both of its owners have answered, the answer is marked late.
    at('2023-10-10T10:00:00+09:00');
    expect(await say(SUITO, 'report answer 1-2 評価=× 実績=')).toContain('締切後の回答');
    digest = await digestOn('2023-10-11');
    expect(digest.digest.reportRound).toMatchObject({ answered: 3, total: 3, missing: { total: 0, items: [] } });
    expect(digest.text).toContain('3/3 課が回答済み');
    expect((await digestOn('2023-10-11', 'en')).text).toContain('3/3 divisions answered');

    const status = await say(COORD, 'report');
    expect(status).toContain('回答済み 3 課 ／ 3 課');
    const history = await say(COORD, 'report history 2-1');
    expect(history.match(/回答 /gu)?.length).toBe(2);
    expect(history).toContain('差し戻し — 利用率の数字を添えてください');
    expect(await say(COORD, 'report close')).toContain('すべての課が回答しました');
    expect((await digestOn('2023-10-12')).digest.reportRound).toBeUndefined();
  });
});

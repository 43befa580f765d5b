import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import { writeFileSync } from 'node:fs';
import { createDirectoryFile } from '../../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../../src/adapters/directory/load-directory.ts';
import { DIRECTORY_YAML, openCommandWorld, type CommandWorld } from '../commands/command-world.ts';

const COORD = 'U0COORD01';
const JINJI = 'U0JINJI01';
const JINJI_DEPUTY = 'U0JINJI03';
const STRANGER = 'U0NOBODY1';

describe('report rounds over real stores (use cases)', () => {
  let world: CommandWorld;
  beforeEach(async () => {
    world = await openCommandWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const run = async (userId: string, text: string, via: 'shell' | 'slash' = 'shell'): Promise<Reply> => {
    const parsed = parseCommand(text);
    if (!parsed.ok) return { kind: 'problem', problem: parsed.error };
    return runCommand(world.deps, userId, parsed.value, via);
  };
  const say = async (userId: string, text: string, lang: 'ja' | 'en' = 'ja') => renderReplyText(await run(userId, text), lang, { change: true });
  const entries = () => world.db.selectFrom('report_entry').selectAll().execute();
  const rounds = () => world.db.selectFrom('report_round').selectAll().execute();

  it('opens a round only for coordinators, with as-of ≤ deadline, one at a time', async () => {
    expect(await say(JINJI, 'report open 2023-09-30 締切 2023-10-10')).toContain('報告ラウンドを開始できるのは取りまとめだけです');
    expect(await say(COORD, 'report open 2023-10-31 締切 2023-10-10')).toContain('基準日 2023-10-31 が締切 2023-10-10 より後です');
    expect(await say(COORD, 'report open 2023-08-31 締切 2023-09-01')).toContain('締切 2023-09-01 は過ぎています');
    expect(await say(COORD, 'report open 2023-13-30 締切 2023-10-10')).toContain('「2023-13-30」は日付として読めません');
    expect(await rounds()).toHaveLength(0);

    const opened = await say(COORD, '報告 開始 2023-09-30 締切 2023-10-10');
    expect(opened).toContain('報告ラウンドを開始しました');
    expect(opened).toContain('3 課に 3 件の取組項目の回答を依頼します');
    expect(opened).toContain('◎ 完了');
    const again = await say(COORD, 'report open 2024-03-31 deadline 2024-04-10');
    expect(again).toContain('報告ラウンド(2023-09-30現在、締切 2023-10-10)が開いています');
    expect(await rounds()).toHaveLength(1);
  });

  it('opens with the scale the directory names for the plan, over the previous round\'s', async () => {
    await say(COORD, 'report open 2023-06-30 締切 2023-09-20');
    await say(COORD, 'report close');
    // The office sets an A–C scale for this plan in the directory file.
    const text = `${DIRECTORY_YAML.replace('users: [U0COORD01] }', 'users: [U0COORD01], scales: { fy2023: "A:達成,B:順調,C:遅れ*", fy2024: "S:極めて順調,A:順調" } }')}`;
    writeFileSync(world.directoryPath, text);
    const loaded = await loadDirectory(world.directoryPath);
    if (!loaded.ok) throw new Error(loaded.error.message);
    world.deps.directory = createDirectoryFile(world.directoryPath, loaded.value);
    const opened = await say(COORD, 'report open 2023-09-30 締切 2023-10-10');
    expect(opened).toContain('進捗評価の区分: A 達成 ／ B 順調 ／ C 遅れ');
    expect(JSON.parse((await rounds()).at(-1)!.scale_json)).toEqual({
      grades: [
        { code: 'A', label: '達成', requiresAchievement: true },
        { code: 'B', label: '順調', requiresAchievement: true },
        { code: 'C', label: '遅れ', requiresAchievement: false },
      ],
    });
    expect(await say(JINJI, 'report answer 1-1 評価=○ 実績=研修')).toContain('進捗評価「○」は区分にありません');
    expect(await say(JINJI, 'report answer 1-1 評価=C')).toContain('1-1 の回答を記録しました');
  });

  it('shows the prefilled form: latest comments as 取組実績, a grade suggested by the statuses', async () => {
    await run(COORD, 'report open 2023-09-30 締切 2023-10-10');
    await run(JINJI, 'update 1-1-1 完了 研修計画を策定');
    await run(JINJI, 'update 1-1-2 遅延 講師の確保が遅れている');
    const form = await run(JINJI, 'report answer 1-1');
    expect(form).toMatchObject({ kind: 'report', report: { op: 'form', form: { suggested: '×', fromAnswer: false } } });
    const text = renderReplyText(form, 'ja');
    expect(text).toContain('・研修計画を策定\n');
    expect(text).toContain('・講師の確保が遅れている');
    expect(text).toContain('進捗評価: ×');
    expect(text).toContain('/plan report answer 1-1 評価=× 実績=… 課題=… 方向=…');
    // Not an owner: no form at all.
    expect(await say(STRANGER, 'report answer 1-1')).toContain('この取組項目に回答できるのは担当課(総務部人事課)の担当者・代理と取りまとめです');
  });

  it('records an owner’s answer against the round’s scale, and refuses bad fields all at once with nothing saved', async () => {
    await run(COORD, 'report open 2023-09-30 締切 2023-10-10');
    const bad = await say(JINJI, 'report answer 1-1 評価=Z 課題=' + 'あ'.repeat(1001));
    expect(bad).toContain('進捗評価「Z」は区分にありません。次のいずれかです: ◎ ○ △ ×');
    expect(bad).toContain('課題が長すぎます(1001字、上限 1000字)');
    expect(bad).toContain('何も変更していません');
    expect(await say(JINJI, 'report answer 1-1 評価=○')).toContain('進捗評価「○」では取組実績の記入が必要です');
    expect(await say(STRANGER, 'report answer 1-1 評価=× 実績=x')).toContain('この取組項目に回答できるのは');
    expect(await say(JINJI, 'report answer 9-9 評価=×')).toContain('取組項目「9-9」はありません');
    expect(await say(JINJI, 'report answer 1-1 感想=よい')).toContain('「感想=よい」を読めません');
    expect(await entries()).toHaveLength(0);

    // The deputy answers; a full-width 〇 is the grade ○; a later partial answer keeps the other fields.
    const ok = await say(JINJI_DEPUTY, 'report answer 1-1 評価=〇 実績=研修を2回実施(受講者120名) 課題=「講師の確保」 方向=下半期も継続');
    expect(ok).toContain('✓ 1-1 の回答を記録しました');
    expect(ok).toContain('取組実績: 研修を2回実施(受講者120名)');
    expect(ok).toContain('課題: 講師の確保');
    await run(JINJI, 'report answer 1-1 課題=なし');
    const stored = await entries();
    expect(stored.map((e) => [e.kind, e.evaluation, e.issues, e.next_steps, e.division, e.via])).toEqual([
      ['answer', '○', '講師の確保', '下半期も継続', '総務部人事課', 'shell'],
      ['answer', '○', 'なし', '下半期も継続', '総務部人事課', 'shell'],
    ]);
  });

  it('sends an answer back with a comment (coordinators only), and the item counts as not answered until answered again', async () => {
    await run(COORD, 'report open 2023-09-30 締切 2023-10-10');
    expect(await say(COORD, 'report return 1-1 数字を')).toContain('1-1 は未回答のため差し戻せません');
    await run(JINJI, 'report answer 1-1 評価=○ 実績=研修を実施');
    expect(await say(JINJI, 'report return 1-1 だめ')).toContain('差し戻しができるのは取りまとめだけです');
    expect(await say(COORD, 'report return 1-1')).toContain('差し戻しにはコメントが必要です');
    expect(await say(COORD, '報告 差し戻し 1-1 受講者数を書いてください')).toContain('✓ 1-1 を 総務部人事課 に差し戻しました');

    const status = await say(JINJI, 'report');
    expect(status).toContain('総務部人事課: 回答 0/2 件・差し戻し 1 件・未回答 1 件');
    expect(status).toMatch(/1-1 人材育成基本方針に基づく研修の実施\n\s+差し戻し ／ 進捗評価: ○/u);
    expect(status).toContain('差し戻しの理由: 受講者数を書いてください');

    const form = renderReplyText(await run(JINJI, 'report answer 1-1'), 'ja');
    expect(form).toContain('この報告ラウンドでの前回の回答を表示しています');
    expect(form).toContain('取組実績: 研修を実施');
    await run(JINJI, 'report answer 1-1 実績=研修を実施(受講者120名)');
    await run(JINJI, 'report answer 2-1 評価=× 実績=');
    const after = await say(COORD, 'report');
    expect(after).toContain('回答済み 1 課 ／ 3 課');
    expect(after).toContain('回答済み: 総務部人事課');
    expect(after).toContain('総務部法務・文書課: 回答 0/1 件・未回答 1 件');

    const history = await say(STRANGER, 'report history 1-1');
    expect(history).toContain('1-1 の報告の履歴');
    expect(history.match(/回答 ○ 順調/gu)).toHaveLength(2);
    expect(history).toContain('差し戻し — 受講者数を書いてください');
  });

  it('marks an answer after the deadline late, and closes the round (coordinators only)', async () => {
    await run(COORD, 'report open 2023-09-15 締切 2023-09-19');
    world.clock.set(new Date('2023-09-20T10:00:00+09:00'));
    expect(await say(JINJI, 'report answer 2-1 評価=× 実績=')).toContain('締切後の回答');
    expect(await say(JINJI, 'report close')).toContain('報告ラウンドを締め切れるのは取りまとめだけです');
    const closed = await say(COORD, 'report close');
    expect(closed).toContain('報告ラウンド(令和5年9月15日現在)を締め切りました');
    expect(closed).toContain('回答が揃わなかった課: 総務部人事課、総務部法務・文書課、出納局出納総務課');
    expect(await say(JINJI, 'report answer 1-1 評価=× 実績=')).toContain('開いている報告ラウンドはありません');
    expect(await say(COORD, 'report')).toContain('開いている報告ラウンドはありません');
  });

  it('answers in English for the new catalogue keys', async () => {
    await run(COORD, 'report open 2023-09-30 deadline 2023-10-10');
    await run(JINJI, 'report answer 1-1 evaluation=◎ achievement=done');
    const status = await say(JINJI, 'report', 'en');
    expect(status).toContain('0 of 3 divisions have answered');
    expect(status).toContain('総務部人事課: answered 1/2, not answered 1');
    expect(status).toContain('Your items');
    expect(await say(JINJI, 'report answer 1-1 evaluation=Q', 'en')).toContain('"Q" is not an evaluation of this round; use one of: ◎ ○ △ ×');
  });

  it('lists the report commands in /plan help', async () => {
    const help = renderReplyText(await run(JINJI, 'help'), 'ja');
    expect(help).toContain('/plan report answer 1-1');
    expect(help).toContain('/plan report open 2020-09-30 締切 2020-10-09');
  });
});

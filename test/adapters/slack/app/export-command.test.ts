// `/plan export` through the real Bolt app: the workbook goes to the asker's
// DM by Slack's external upload, and the bytes the fake received open as the
// progress report.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportEntryStore, createReportRoundStore } from '../../../../src/adapters/db/report-store.ts';
import { createStatusStore } from '../../../../src/adapters/db/status-store.ts';
import { DEFAULT_EVALUATION_SCALE } from '../../../../src/domain/report-round.ts';
import { checkBlocks } from '../../../fakes/fake-slack/check-blocks.ts';
import { tokyo } from '../../../app/tick-world.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
beforeAll(async () => {
  world = await startSlackAppWorld();
  await createStatusStore(world.db).append({ milestoneId: '1-1-2', status: 'done', comment: '=cmd|calc', actor: USERS.jinji, via: 'slash', createdAt: tokyo('2020-09-01').toISOString() });
  const opened = await createReportRoundStore(world.db).open({ planId: 'fy2020', asOf: '2020-09-30', deadline: '2020-10-09', scale: DEFAULT_EVALUATION_SCALE, openedBy: USERS.coordinator, openedAt: tokyo('2020-09-14').toISOString() });
  if (!opened.ok) throw new Error('round');
  await createReportEntryStore(world.db).append({
    kind: 'answer', roundId: opened.round.id, itemId: '1-1', division: '総務部人事課', actor: USERS.jinji, via: 'slack', createdAt: tokyo('2020-09-14').toISOString(),
    achievement: '研修を実施', evaluation: '○', issues: '', nextSteps: '@channel 継続',
  });
});
afterAll(async () => {
  await world?.stop();
});

describe('/plan export', () => {
  it('uploads the workbook to the asker\'s DM and says so', async () => {
    const { response } = await world.command('エクスポート', USERS.jinji);
    expect(response.response_type).toBe('ephemeral');
    expect(replyText(response)).toContain('進捗管理表(令和2年9月30日現在)を DM に送りました: 進捗管理表_fy2020_2020-09-30.xlsx');
    expect(checkBlocks(response.blocks)).toBeNull();

    expect(world.fake.callsTo('conversations.open')[0]?.params).toMatchObject({ users: USERS.jinji });
    const [file] = world.fake.files;
    expect(file).toMatchObject({ filename: '進捗管理表_fy2020_2020-09-30.xlsx', channel: 'D0JINJI01', completed: true });
    expect(file!.bytes!.length).toBe(file!.length);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes! as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('進捗管理表')!;
    expect(sheet.getCell('A2').value).toBe('令和2年9月30日現在');
    expect(sheet.getCell('A5').value).toBe('1-1');
    expect(sheet.getCell('U5').value).toBe('○');
    expect(sheet.getCell('W5').value).toBe('@channel 継続');
    expect(sheet.getCell('W5').type).toBe(ExcelJS.ValueType.String);
  });

  it('is refused to someone the directory does not know, and uploads nothing', async () => {
    const before = world.fake.files.length;
    const { response } = await world.command('export', USERS.stranger);
    expect(replyText(response)).toContain('進捗管理表を受け取れるのは、取りまとめと担当課の担当者・代理だけです');
    expect(world.fake.files.length).toBe(before);
  });

  it('tells the asker when Slack refuses the file', async () => {
    world.fake.failNext('files.completeUploadExternal', 1, { error: 'missing_scope' });
    const { response } = await world.command('出力', USERS.coordinator);
    expect(replyText(response)).toContain('ファイルを送れませんでした (missing_scope)');
  });
});

// `/plan export` on the platforms without Slack's upload: the shell writes
// the workbook where it was started and says where; Teams, which cannot take
// a file from a bot message here, says how to get it. Both through the same
// use case and reply view as Slack.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportSources } from '../../../src/adapters/db/report-sources.ts';
import { createReportFiles } from '../../../src/adapters/excel/report-files.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import { createShellFileDelivery } from '../../../src/adapters/shell/write-export-file.ts';
import { createTeamsFileDelivery } from '../../../src/adapters/teams/export-link.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { buildReplyView } from '../../../src/app/views/build-reply-view.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { openCommandWorld, type CommandWorld } from './command-world.ts';

let world: CommandWorld;
let folder: string;
beforeEach(async () => {
  world = await openCommandWorld();
  folder = mkdtempSync(join(tmpdir(), 'shinchoku-export-'));
  world.deps.reports = createReportFiles(createReportSources(world.db, { calendar: world.deps.calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: world.deps.timeZone }), () => createPlanStore(world.db).scopeOf());
});
afterEach(async () => {
  await world.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('/plan export', () => {
  it('in the shell, writes the workbook to the working directory and says where', async () => {
    world.deps.files = createShellFileDelivery(folder);
    const reply = await runCommand(world.deps, 'U0COORD01', { kind: 'export' }, 'shell');
    const path = join(folder, '進捗管理表_fy2023_2023-09-15.xlsx');
    expect(renderReplyText(reply, 'ja')).toBe(`進捗管理表(令和5年9月15日現在)を書き出しました: ${path}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('進捗管理表')!.getCell('A2').value).toBe('令和5年9月15日現在');
  });

  it('in Teams, says how to get the workbook until the dashboard serves it', async () => {
    world.deps.files = createTeamsFileDelivery();
    const reply = await runCommand(world.deps, 'U0JINJI01', { kind: 'export' }, 'teams');
    expect(buildReplyView(reply as Exclude<typeof reply, { kind: 'digest' }>, 'en').blocks).toEqual([
      { kind: 'text', tone: 'normal', text: 'Teams cannot receive the file here. Write the progress report (Excel) on the server: shinchoku export --xlsx 進捗管理表_fy2023_2023-09-15.xlsx' },
    ]);
    world.deps.files = createTeamsFileDelivery(async (userId) => `https://bot.example/d/TOKEN-${userId}/p/fy2023/report.xlsx`);
    const linked = await runCommand(world.deps, 'U0JINJI01', { kind: 'export' }, 'teams');
    expect(renderReplyText(linked, 'ja')).toBe('進捗管理表(Excel)はダッシュボードからダウンロードできます: https://bot.example/d/TOKEN-U0JINJI01/p/fy2023/report.xlsx');
  });

  it('is refused to someone the directory does not know, and writes nothing', async () => {
    world.deps.files = createShellFileDelivery(folder);
    const reply = await runCommand(world.deps, 'U0STRANGER', { kind: 'export' }, 'shell');
    expect(renderReplyText(reply, 'ja')).toContain('進捗管理表を受け取れるのは、取りまとめと担当課の担当者・代理だけです');
    expect(existsSync(join(folder, '進捗管理表_fy2023_2023-09-15.xlsx'))).toBe(false);
  });
});

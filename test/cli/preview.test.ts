import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { openDatabase, closeDatabase } from '../../src/adapters/db/connect.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const SEED = new URL('../../config/plans/fy2020-mie.txt', import.meta.url).pathname;
const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(() => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database };
});
afterEach(() => ws.cleanup());

interface Row { date: string; time: string; kind: string; milestoneId: string; checkpoint: string | null; due: string | null; division: string }

describe('shinchoku preview', () => {
  it('lists the whole fiscal year of the seed as JSON, every reminder on a business day', async () => {
    const run = await cli(['preview', '--plan', SEED, '--from', '2020-04-01', '--to', '2021-03-31', '--json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    const calendar = createJapaneseCalendar();
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.every((r) => calendar.isBusinessDay(r.date) && r.time === '09:30')).toBe(true);
    expect(rows).toContainEqual({ date: '2020-07-22', time: '09:30', kind: 'lead', milestoneId: '6-2-10', checkpoint: '2020-07', due: '2020-07-31', division: '総務部税収確保課' });
    // Nothing is written when previewing a file.
    const { existsSync } = await import('node:fs');
    expect(existsSync(ws.database)).toBe(false);
  });

  it('previews the stored plan with its statuses: a done milestone gets no reminders', async () => {
    await cli(['import', BUNDLED_YAML], env);
    const before = JSON.parse((await cli(['preview', '--from', '2020-07-01', '--to', '2020-08-31', '--json'], env)).stdout) as Row[];
    expect(before.some((r) => r.milestoneId === '6-2-10')).toBe(true);

    const db = await openDatabase(ws.database);
    await createStatusStore(db).append({ milestoneId: '6-2-10', status: 'done', actor: 'U1', via: 'cli', createdAt: '2020-06-30T00:00:00.000Z' });
    await closeDatabase(db);
    const after = JSON.parse((await cli(['preview', '--from', '2020-07-01', '--to', '2020-08-31', '--json'], env)).stdout) as Row[];
    expect(after.some((r) => r.milestoneId === '6-2-10')).toBe(false);
    expect(after.length).toBeLessThan(before.length);
  });

  it('prints a day-by-day table', async () => {
    const run = await cli(['preview', '--plan', BUNDLED_YAML, '--from', '2020-07-22', '--to', '2020-07-22'], env);
    expect(run.stdout).toMatch(/^2020-07-22 \(水\) 09:30/);
    expect(run.stdout).toMatch(/期限前 {2}6-2-10@2020-07 {2}総務部税収確保課 {2}期限 2020-07-31 {2}個人住民税に関する課題検討会の開催/);
  });

  it('rejects a bad range with one line', async () => {
    const run = await cli(['preview', '--plan', BUNDLED_YAML, '--from', '2020-13-01', '--to', '2020-07-22'], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

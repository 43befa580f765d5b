// The systemd units in deploy/: systemd itself reads them (systemd-analyze
// verify, where it is installed), and they agree with the code they run — the
// command npm start runs, and write access to every place the bot writes
// under ProtectSystem=strict.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { loadConfig } from '../../src/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const UNITS = readdirSync(DEPLOY).filter((name) => /\.(service|timer)$/u.test(name));
const service = readFileSync(join(DEPLOY, 'shinchoku.service'), 'utf8');

/** Every value of KEY= in a unit file (a key may repeat). */
function valuesOf(unit: string, key: string): string[] {
  return [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gmu'))].map((match) => match[1]!.trim());
}

function only(unit: string, key: string): string {
  const values = valuesOf(unit, key);
  expect(values, key).toHaveLength(1);
  return values[0]!;
}

const systemdAnalyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const haveSystemd = systemdAnalyze.status === 0;
if (!haveSystemd) console.warn('systemd-analyze is not installed: the systemd-analyze verify test of deploy/*.service is skipped');

describe('deploy/shinchoku.service', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it.skipIf(!haveSystemd)('passes systemd-analyze verify without a warning (skipped where systemd-analyze is not installed)', () => {
    // Copies, with ExecStart's node where this machine has it (the unit says /usr/bin/node, to adjust per server).
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-units-'));
    folders.push(folder);
    for (const name of UNITS) copyFileSync(join(DEPLOY, name), join(folder, name));
    writeFileSync(join(folder, 'shinchoku.service'), service.replace(/^ExecStart=\/usr\/bin\/node /mu, `ExecStart=${process.execPath} `));
    const run = spawnSync('systemd-analyze', ['verify', ...UNITS.map((name) => join(folder, name))], { encoding: 'utf8' });
    expect(UNITS).toEqual(expect.arrayContaining(['shinchoku.service', 'shinchoku-backup.service', 'shinchoku-backup.timer']));
    // verify exits 0 on an unknown key or a bad value, saying so on stderr: both count.
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });

  it('runs what npm start runs, from the folder its EnvironmentFile and ReadWritePaths are in', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    expect(only(service, 'ExecStart')).toBe(`/usr/bin/${manifest.scripts.start}`);
    const home = only(service, 'WorkingDirectory');
    expect(only(service, 'EnvironmentFile')).toBe(posix.join(home, '.env'));
    expect(only(service, 'Restart')).toBe('on-failure');
    expect(only(service, 'ProtectSystem')).toBe('strict');
    expect(only(service, 'NoNewPrivileges')).toBe('yes');
  });

  it('lets the bot write where it writes by default: the database folder and the directory file folder', () => {
    const defaults = loadConfig({});
    if (!defaults.ok) throw new Error(defaults.error.message);
    const home = only(service, 'WorkingDirectory');
    const writable = only(service, 'ReadWritePaths').split(/\s+/u);
    // SQLite writes beside its file (-wal, -shm); /plan owner renames a new directory file into its folder.
    for (const file of [defaults.value.DATABASE_URL, defaults.value.SHINCHOKU_DIRECTORY]) {
      expect(writable, file).toContain(posix.join(home, dirname(file)));
    }
  });

  it('has a backup timer that backs up into the data folder the service may write', () => {
    const backup = readFileSync(join(DEPLOY, 'shinchoku-backup.service'), 'utf8');
    const home = only(service, 'WorkingDirectory');
    expect(only(backup, 'WorkingDirectory')).toBe(home);
    const [, script, folder] = only(backup, 'ExecStart').split(/\s+/u);
    expect(script).toBe(posix.join(home, 'deploy/backup-sqlite.sh'));
    expect(readFileSync(join(DEPLOY, 'backup-sqlite.sh'), 'utf8')).toContain('node scripts/shinchoku.mjs backup');
    expect(only(backup, 'ReadWritePaths').split(/\s+/u).some((path) => posix.join(home, folder ?? '').startsWith(path))).toBe(true);
  });

  it('its backup script writes a dated copy and removes copies older than the days it keeps', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-backup-'));
    folders.push(folder);
    const database = join(folder, 'data', 'shinchoku.db');
    await closeDatabase(await openDatabase(database));
    const backups = join(folder, 'backups');
    mkdirSync(backups);
    const old = join(backups, 'shinchoku-2020-01-01.db');
    const recent = join(backups, 'shinchoku-2020-01-20.db');
    writeFileSync(old, 'old');
    writeFileSync(recent, 'recent');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    utimesSync(old, daysAgo(40), daysAgo(40));
    utimesSync(recent, daysAgo(5), daysAgo(5));

    const run = spawnSync('sh', [join(DEPLOY, 'backup-sqlite.sh'), backups, '30'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: database, SHINCHOKU_LANG: 'en', PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const today = spawnSync('date', ['+%F'], { encoding: 'utf8' }).stdout.trim();
    expect(readdirSync(backups).sort()).toEqual([`shinchoku-2020-01-20.db`, `shinchoku-${today}.db`].sort());
    expect(existsSync(old)).toBe(false);
  }, 30_000);
});

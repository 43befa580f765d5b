// `shinchoku doctor`: checks the settings and the environment and prints a
// checklist, with what to do about each failure. Exit code 1 if any failed.
import type { Config } from '../config.ts';
import { translator, type Translate } from '../i18n/catalog.ts';
import { openDatabase, closeDatabase, isPostgresUrl, redactUrl } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import { existsSync } from 'node:fs';
import { listDivisions, listMilestones, type Plan } from '../domain/plan.ts';
import { closestMatches } from '../domain/similarity.ts';
import { unmappedDivisions, type Directory } from '../domain/directory.ts';
import { checkSlack } from './doctor-slack.ts';
import { checkTeams } from './doctor-teams.ts';
import { checkChartFont, checkDashboard } from './doctor-web.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface Check {
  ok: boolean;
  /** Worth fixing but not a failure (shown with `!`; doctor still passes). */
  warning?: boolean;
  /** What was checked and what was found. */
  line: string;
  /** What to do about a failure. */
  fix?: string;
}

async function checkDatabase(config: Config, t: Translate): Promise<{ check: Check; plan: Plan | null; divisions: string[] }> {
  const where = redactUrl(config.DATABASE_URL);
  const kind = isPostgresUrl(config.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';
  try {
    const db = await openDatabase(config.DATABASE_URL);
    try {
      const store = createPlanStore(db);
      const plan = await store.load();
      // Every stored plan's divisions: the directory may already name next year's.
      const divisions = new Set<string>();
      for (const { key } of await store.list()) {
        const stored = await store.loadKey(key);
        if (stored) for (const division of listDivisions(stored)) divisions.add(division);
      }
      return { check: { ok: true, line: t('doctor.database', { kind, where }) }, plan, divisions: [...divisions] };
    } finally {
      await closeDatabase(db);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fix = isPostgresUrl(config.DATABASE_URL) ? t('doctor.fixPostgres') : t('doctor.fixSqlite');
    return { check: { ok: false, line: t('doctor.databaseFailed', { kind, where, reason }), fix }, plan: null, divisions: [] };
  }
}

function checkPlan(plan: Plan | null, t: Translate): Check {
  if (!plan) return { ok: false, line: t('doctor.noPlan'), fix: t('doctor.fixPlan') };
  return { ok: true, line: t('doctor.plan', { title: plan.title, milestones: listMilestones(plan).length, warnings: plan.warnings.length }) };
}

async function checkDirectory(config: Config, plan: Plan | null, divisions: readonly string[], t: Translate): Promise<{ checks: Check[]; directory: Directory | null }> {
  // The bot runs without the file (every division unmapped, the demo's way); a check says it is missing.
  if (!existsSync(config.SHINCHOKU_DIRECTORY)) {
    return { checks: [{ ok: false, line: t('doctor.directoryMissing', { file: config.SHINCHOKU_DIRECTORY }), fix: t('doctor.fixDirectoryMissing', { file: config.SHINCHOKU_DIRECTORY }) }], directory: null };
  }
  const loaded = await loadDirectory(config.SHINCHOKU_DIRECTORY, config.SHINCHOKU_LANG);
  if (!loaded.ok) return { checks: [{ ok: false, line: loaded.error.message, fix: t('doctor.fixDirectory', { file: config.SHINCHOKU_DIRECTORY }) }], directory: null };
  const checks: Check[] = [{ ok: true, line: t('doctor.directory', { file: config.SHINCHOKU_DIRECTORY }) }];
  if (plan) {
    const unmapped = unmappedDivisions(loaded.value, listDivisions(plan));
    checks.push(
      unmapped.length === 0
        ? { ok: true, line: t('doctor.allMapped') }
        : { ok: false, line: t('doctor.unmapped', { divisions: unmapped.join('、') }), fix: t('doctor.fixUnmapped', { file: config.SHINCHOKU_DIRECTORY }) },
    );
  }
  const known = new Set(divisions);
  for (const named of loaded.value.divisions.keys()) {
    if (divisions.length === 0 || known.has(named)) continue;
    const closest = closestMatches(named, divisions, 3).join('、');
    checks.push({ ok: false, line: t('doctor.unknownDivision', { division: named, closest }), fix: t('doctor.fixUnknownDivision', { file: config.SHINCHOKU_DIRECTORY }) });
  }
  return { checks, directory: loaded.value };
}

/** Runs every check; the settings themselves were validated by loadConfig already. */
export async function runChecks(config: Config): Promise<Check[]> {
  const t = translator(config.SHINCHOKU_LANG);
  const settings: Check = { ok: true, line: t('doctor.settings') };
  const { check: database, plan, divisions } = await checkDatabase(config, t);
  const directory = await checkDirectory(config, plan, divisions, t);
  return [settings, database, ...(database.ok ? [checkPlan(plan, t)] : []), ...directory.checks, ...(await checkSlack(config, directory.directory, t)), ...(await checkTeams(config, directory.directory, t)), ...checkDashboard(config, t), checkChartFont(t)];
}

export function renderChecks(checks: Check[], t: Translate): string {
  const lines = checks.flatMap((c) => [`${c.ok ? (c.warning ? '!' : '✓') : '✗'} ${c.line}`, ...(c.fix ? [`    → ${c.fix}`] : [])]);
  const failed = checks.filter((c) => !c.ok).length;
  lines.push('', failed === 0 ? t('doctor.allGood') : t('doctor.failures', { count: failed }));
  return lines.join('\n');
}

export async function doctorCommand(config: Config, io: CliIo): Promise<void> {
  const checks = await runChecks(config);
  io.out(renderChecks(checks, translator(config.SHINCHOKU_LANG)));
  if (checks.some((c) => !c.ok)) throw new CliFailure('doctor found problems');
}

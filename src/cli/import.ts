// `shinchoku import FILE [--dry-run] [--json]`: read a plan, show what it
// found and what would change, then store it (unless --dry-run).
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { ENCODING_NAMES } from '../import/decode-plan-bytes.ts';
import { readPlanFile } from '../import/read-plan-source.ts';
import { reconcilePlan, type PlanDiff } from '../import/reconcile.ts';
import { formatPlanJson, formatPlanYaml } from '../import/plan-file.ts';
import { translator } from '../i18n/catalog.ts';
import { openDatabase, closeDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import type { Plan } from '../domain/plan.ts';
import { choosePlanTarget } from '../domain/plan-target.ts';
import { carryOverLines, targetProblemText } from './render-plans.ts';
import { CliFailure, type CliIo } from './io.ts';
import { renderDiff, renderSummary, renderTree, renderWarnings } from './render-plan.ts';
import { importWorkbookCommand } from './import-workbook.ts';

export interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  /** Print the canonical YAML instead, the starting point for hand corrections. */
  yaml?: boolean;
  /** The plan to revise or create (`gyokaku-2021`); without it, chosen by fiscal year and title. */
  key?: string;
  /** A progress report workbook (.xlsx): record the listed changes; without it, a dry run. */
  apply?: boolean;
}

export async function importCommand(file: string, options: ImportOptions, config: Config, io: CliIo, now: Date): Promise<void> {
  // A progress report workbook we wrote, edited by hand (issue 15 §2).
  if (/\.xlsx$/iu.test(file)) return importWorkbookCommand(file, { apply: options.apply === true && options.dryRun !== true }, config, io, now);
  const t = translator(config.SHINCHOKU_LANG);
  const read = await readPlanFile(file, config.SHINCHOKU_LANG);
  if (!read.ok) {
    io.err(`${t('cli.errorPrefix')}${read.error.message}`);
    throw new CliFailure(read.error.message);
  }
  const { plan: parsed, encoding } = read.value;

  // A dry run must not even create the database file.
  const canRead = !options.dryRun || config.DATABASE_URL === ':memory:' || existsSync(config.DATABASE_URL);
  const db = canRead ? await openDatabase(config.DATABASE_URL) : undefined;
  try {
    const store = db ? createPlanStore(db) : undefined;
    // Another fiscal year or another title is a new plan; only a corrected file of a stored plan revises it.
    const chosen = choosePlanTarget(store ? await store.list() : [], parsed, options.key);
    if (!chosen.ok) {
      const message = targetProblemText(chosen.error, t);
      io.err(`${t('cli.errorPrefix')}${message}`);
      throw new CliFailure(message);
    }
    const target = chosen.value;
    const previous = store && target.kind === 'revise' ? await store.loadKey(target.key) : null;
    let plan: Plan = parsed;
    let diff: PlanDiff | null = null;
    if (previous && store) {
      ({ plan, diff } = reconcilePlan(previous, parsed, await store.listInactiveMilestoneIds(target.key)));
    }
    const carryOver = store && db && target.kind === 'new' ? await carryOverLines(db, store, { key: target.key, title: plan.title, fiscalYear: plan.fiscalYear }, now, config, t) : [];

    // With --json or --yaml, stdout carries exactly the canonical plan; the report goes to stderr.
    const machine = options.json || options.yaml;
    const report = machine ? io.err : io.out;
    if (options.json) io.out(formatPlanJson(plan));
    else if (options.yaml) io.out(formatPlanYaml(plan));
    else report([...renderSummary(plan, t), t('import.report.encoding', { encoding: ENCODING_NAMES[encoding] }), '', ...renderTree(plan, t), ''].join('\n'));
    report([...renderWarnings(plan, t), '', ...renderDiff(diff, t)].join('\n'));
    report([t(target.kind === 'new' ? 'plans.import.new' : 'plans.import.revise', { key: target.key, year: plan.fiscalYear }), ...carryOver].join('\n'));

    if (options.dryRun || !store) {
      report(t('cli.dryRun'));
      return;
    }
    await store.save(plan, file, now.toISOString(), target.key);
    report(t('cli.stored', { database: config.DATABASE_URL }));
  } finally {
    if (db) await closeDatabase(db);
  }
}

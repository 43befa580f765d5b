/**
 * A command about another stored plan than the default one (issue 13):
 * `/plan status --year 2020`, `/plan history 1-1-2 --plan gyokaku-2020`.
 * The plan is found among the stored ones, and the command then reads it
 * and its own statuses exactly as it reads the default plan.
 */
import type { LocalDate } from '../../domain/plan.ts';
import { compareLocalDates } from '../../domain/local-date.ts';
import { chooseDefaultPlan, planPeriodOf } from '../../domain/plan-period.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { PlanSelector } from './command.ts';
import type { CommandDeps, DigestCommands, PlanSource, StatusHistory } from './ports.ts';
import type { CommandProblem } from './reply.ts';

/** A stored plan as the choice lists it. */
export interface ShelvedPlan {
  key: string;
  title: string;
  fiscalYear: number;
  /** '' for the plan stored first (see PlanHeader). */
  prefix: string;
}

/** Every stored plan, each readable with its own statuses. */
export interface PlanShelf {
  /** By fiscal year, then key. */
  list(): Promise<ShelvedPlan[]>;
  /** The plan stored under `key`, its statuses and (where wired) its digest, as the commands read the default plan's. */
  open(key: string): { plans: PlanSource; statuses: StatusHistory; digest?: DigestCommands };
}

/** The plan a reply speaks of, when the command named one. */
export interface AddressedPlan {
  key: string;
  title: string;
  fiscalYear: number;
  /** The last day of its reminder period (planPeriodOf). */
  periodEnd: LocalDate;
  /** Its period is over: read-only. */
  over: boolean;
}

/**
 * The deps for `selector`'s plan (`deps` itself without one) and the plan
 * named, or `unknown_plan` listing the stored plans. By year alone, the
 * plan of that year a command would default to (the one stored first).
 */
export async function choosePlan(deps: CommandDeps, selector: PlanSelector | undefined): Promise<Result<{ deps: CommandDeps; plan: AddressedPlan | null }, CommandProblem>> {
  if (selector === undefined) return ok({ deps, plan: null });
  const stored = (await deps.shelf?.list()) ?? [];
  const today = wallClock(deps.clock.now(), deps.timeZone).date;
  const matching = stored.filter((p) => (selector.key === null || p.key === selector.key) && (selector.year === null || p.fiscalYear === selector.year));
  const chosen = chooseDefaultPlan(matching, today);
  if (!chosen || !deps.shelf) {
    return fail({ code: 'unknown_plan', key: selector.key, year: selector.year, plans: stored.map(({ key, title, fiscalYear }) => ({ key, title, fiscalYear })) });
  }
  const periodEnd = planPeriodOf(chosen.fiscalYear).end;
  return ok({
    deps: openedDeps(deps, deps.shelf, chosen.key),
    plan: { key: chosen.key, title: chosen.title, fiscalYear: chosen.fiscalYear, periodEnd, over: compareLocalDates(today, periodEnd) > 0 },
  });
}

/**
 * The deps of the plan stored under `key`, for what a button or a form
 * carries (issue 13): exactly that plan, never another one, or
 * `unknown_plan`; null (a button posted before buttons named their plan)
 * means the default plan, as it always did.
 */
export async function planByKey(deps: CommandDeps, key: string | null): Promise<Result<CommandDeps, CommandProblem>> {
  if (key === null) return ok(deps);
  const chosen = await choosePlan(deps, { key, year: null });
  return chosen.ok ? ok(chosen.value.deps) : chosen;
}

/**
 * The default plan (the one a command without --plan reads) opened by its
 * key, and the key, so that what is shown and the buttons shown with it are
 * of one plan even when the default changes in between (April 1). Without
 * stored keys to choose from, `deps` itself and no key.
 */
export async function openDefaultPlan(deps: CommandDeps): Promise<{ deps: CommandDeps; key: string | null }> {
  const stored = (await deps.shelf?.list()) ?? [];
  const chosen = chooseDefaultPlan(stored, wallClock(deps.clock.now(), deps.timeZone).date);
  if (!chosen || !deps.shelf) return { deps, key: null };
  return { deps: openedDeps(deps, deps.shelf, chosen.key), key: chosen.key };
}

/** `deps` speaking for the plan stored under `key`: its plan, statuses, digest and report rounds. */
function openedDeps(deps: CommandDeps, shelf: PlanShelf, key: string): CommandDeps {
  const opened = shelf.open(key);
  return {
    ...deps,
    plans: opened.plans,
    statuses: opened.statuses,
    ...(opened.digest && { digest: opened.digest }),
    ...(deps.reportRounds && { reportRounds: { ...deps.reportRounds, planKey: async () => key } }),
  };
}

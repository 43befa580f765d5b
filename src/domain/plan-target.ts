/**
 * Where an imported plan goes (issue 13): a corrected file of a stored plan
 * revises it; a plan of another fiscal year or another title is a new plan,
 * never a revision of the old one.
 */
import { defaultPlanKey, isValidPlanKey } from './plan-period.ts';
import type { Plan } from './plan.ts';

/** What the decision needs of a stored plan. */
export interface StoredPlanHeader {
  key: string;
  title: string;
  fiscalYear: number;
}

export type PlanTarget =
  /** Revises the stored plan of this key: same fiscal year; ids and history kept. */
  | { kind: 'revise'; key: string }
  /** A plan of its own under a new key. */
  | { kind: 'new'; key: string };

export type PlanTargetProblem =
  /** `--key` is not a valid key. */
  | { code: 'bad_key'; key: string }
  /** `--key` names a stored plan of another fiscal year. */
  | { code: 'other_year'; key: string; storedYear: number; year: number }
  /** No key given, and the default key is taken by a plan of the same year under another title. */
  | { code: 'key_taken'; key: string; storedTitle: string };

/**
 * With `key`: that plan is revised when stored (it must be of the same
 * fiscal year), else created. Without: the stored plan of the same fiscal
 * year and title is revised; otherwise the plan is new, under `fyYYYY`.
 */
export function choosePlanTarget(stored: readonly StoredPlanHeader[], plan: Pick<Plan, 'title' | 'fiscalYear'>, key?: string): { ok: true; value: PlanTarget } | { ok: false; error: PlanTargetProblem } {
  if (key !== undefined) {
    if (!isValidPlanKey(key)) return { ok: false, error: { code: 'bad_key', key } };
    const same = stored.find((p) => p.key === key);
    if (!same) return { ok: true, value: { kind: 'new', key } };
    if (same.fiscalYear !== plan.fiscalYear) return { ok: false, error: { code: 'other_year', key, storedYear: same.fiscalYear, year: plan.fiscalYear } };
    return { ok: true, value: { kind: 'revise', key } };
  }
  const same = stored.find((p) => p.fiscalYear === plan.fiscalYear && p.title === plan.title);
  if (same) return { ok: true, value: { kind: 'revise', key: same.key } };
  const fallback = defaultPlanKey(plan.fiscalYear);
  const taken = stored.find((p) => p.key === fallback);
  if (taken) return { ok: false, error: { code: 'key_taken', key: fallback, storedTitle: taken.title } };
  return { ok: true, value: { kind: 'new', key: fallback } };
}

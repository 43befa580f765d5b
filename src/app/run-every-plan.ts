/**
 * The daily jobs over every stored plan (issue 13): each plan gets its own
 * reminder tick and its own digest, to its own coordinator channel; a plan
 * outside its fiscal year does nothing (run-reminder-tick.ts, post-digest.ts).
 */
import type { Result } from '../domain/result.ts';
import type { DigestProblem } from './build-digest.ts';
import type { PostDigestOutcome } from './post-digest.ts';
import type { TickSummary } from './run-reminder-tick.ts';

/** A stored plan as the jobs address it. */
export interface PlanRef {
  key: string;
  /** The prefix of its stored ids and keys ('' for the plan stored first). */
  prefix: string;
}

/**
 * Runs `tickOne` for every plan, one after the other, and sums what they
 * enqueued; `today` and `outcome` are those of the last plan that enqueued
 * (else of the last plan), so a caller that only asks "anything to send?" sees it.
 */
export async function tickEveryPlan(plans: readonly PlanRef[], tickOne: (plan: PlanRef) => Promise<TickSummary>): Promise<TickSummary | null> {
  let total: TickSummary | null = null;
  for (const plan of plans) {
    const summary = await tickOne(plan);
    if (!total) {
      total = { ...summary };
      continue;
    }
    total = {
      ...(summary.outcome === 'enqueued' || total.outcome !== 'enqueued' ? { today: summary.today, outcome: summary.outcome } : { today: total.today, outcome: total.outcome }),
      messages: total.messages + summary.messages,
      reminders: total.reminders + summary.reminders,
      missed: total.missed + summary.missed,
      skipped: total.skipped + summary.skipped,
      ...((total.dropped ?? summary.dropped) && { dropped: total.dropped ?? summary.dropped! }),
    };
  }
  return total;
}

/**
 * Posts every plan's digest as it falls due; returns the first that was
 * enqueued (so the dispatcher is woken), else the first result.
 */
export async function postEveryPlanDigest(
  plans: readonly PlanRef[],
  postOne: (plan: PlanRef) => Promise<Result<PostDigestOutcome, DigestProblem>>,
): Promise<Result<PostDigestOutcome, DigestProblem> | null> {
  let first: Result<PostDigestOutcome, DigestProblem> | null = null;
  let enqueued: Result<PostDigestOutcome, DigestProblem> | null = null;
  for (const plan of plans) {
    const result = await postOne(plan);
    first ??= result;
    if (!enqueued && result.ok && result.value.kind === 'enqueued') enqueued = result;
  }
  return enqueued ?? first;
}

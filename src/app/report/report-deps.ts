/**
 * What the report-round use cases are wired to, beside the command deps:
 * the rounds and entries of src/app/report-ports.ts, and which plan the
 * commands speak for (the default plan, as for every other command).
 */
import type { EvaluationScale } from '../../domain/report-round.ts';
import type { ReportEntries, ReportRounds } from '../report-ports.ts';

export interface ReportDeps {
  rounds: ReportRounds;
  entries: ReportEntries;
  /** The key of the plan the commands speak for; null before the first import. */
  planKey(): Promise<string | null>;
  /** The scale a plan's first round opens with when none is given; DEFAULT_EVALUATION_SCALE unless the deployment says otherwise. */
  defaultScale?: EvaluationScale;
  /** Told when a round opened, so its requests go out now rather than at the next tick. */
  onOpened?(planKey: string, now: Date): Promise<void>;
}

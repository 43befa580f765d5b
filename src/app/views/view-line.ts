/**
 * The neutral view layer (STYLE: "decide once, render per platform"): what a
 * message shows — which lines, in what order, with which worded labels and
 * cut-offs — decided here once, as plain data. Slack, Teams and the shell
 * only map it onto Block Kit, Adaptive Cards or terminal text, escaping and
 * styling for their surface. Text here is worded from the catalogue but
 * neither escaped nor cut to any platform's limits.
 */
import type { YearMonth } from '../../domain/plan.ts';

/** What a line's status buttons report on. */
export interface LineTarget {
  milestoneId: string;
  checkpoint: YearMonth | null;
  /**
   * The key of the plan the milestone is of (issue 13), so that a button
   * clicked after another plan became the default still records on this
   * one; null for the default plan (a message from before plans had keys).
   */
  plan: string | null;
}

/**
 * One line of a message: `【期限超過】1-1-2 title`, then its facts joined by
 * the separator, then notes on rows of their own.
 */
export interface ViewLine {
  /** Before the id, e.g. `【期限超過】`; empty when none. */
  tag: string;
  /** Shown emphasised: a milestone id; empty for a line that is only a name (a division). */
  id: string;
  title: string;
  /** Worded facts, in order: due, checkpoint, status, … */
  facts: string[];
  /** Rows under the facts (e.g. the day a late reminder was due to be sent). */
  notes: string[];
  /** Set when the line carries the status buttons. */
  target: LineTarget | null;
}

/** A list cut to what a message shows, with what the cut left out. */
export interface ViewList {
  title: string;
  lines: ViewLine[];
  /** How many there are in all; `total - lines.length` are left for `moreCommand`. */
  total: number;
  /** The command that shows the whole list (`/plan status overdue`). */
  moreCommand: string;
  /** Shown when the list is empty; null when an empty list is not shown at all. */
  empty: string | null;
}

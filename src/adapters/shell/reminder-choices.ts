/**
 * The status buttons of a reminder (SPEC §4: 完了 / 順調 / 注意 / 遅延 and
 * コメント) as the shell offers them: numbered choices. Every reminder line the
 * shell prints gets a number of its own for the session, so `:reply 3 1`
 * always means the line that was shown as [3], however many messages came since.
 */
import type { YearMonth } from '../../domain/plan.ts';
import { statusLabel, type StatusCode } from '../../domain/status.ts';
import { translate, type Lang } from '../../i18n/catalog.ts';

/** Choices 1–4 in the order of Slack's buttons; 5 is the comment. */
export const STATUS_CHOICES = ['done', 'on_track', 'at_risk', 'delayed'] as const satisfies readonly StatusCode[];
export const COMMENT_CHOICE = STATUS_CHOICES.length + 1;

/** What a choice does: set a status, or add a comment and keep the status. */
export type Choice = { kind: 'status'; status: StatusCode } | { kind: 'comment' };

/** What a numbered line is about, as a Slack button's value would say: the milestone, its checkpoint, its plan's key (null: the default plan). */
export interface ReplyTarget {
  milestoneId: string;
  checkpoint: YearMonth | null;
  plan: string | null;
}

/** The numbers given to reminder lines in this session. */
export interface ReminderChoices {
  /** Gives the line the next number. */
  number(target: ReplyTarget): number;
  /** The line shown with this number, if any. */
  target(line: number): ReplyTarget | undefined;
}

export function createReminderChoices(): ReminderChoices {
  const targets: ReplyTarget[] = [];
  return {
    number(target) {
      targets.push(target);
      return targets.length;
    },
    target: (line) => targets[line - 1],
  };
}

/** The choice a number stands for (1–5), or null. */
export function choiceOfNumber(n: number): Choice | null {
  if (n === COMMENT_CHOICE) return { kind: 'comment' };
  const status = STATUS_CHOICES[n - 1];
  return status === undefined ? null : { kind: 'status', status };
}

/** `1 完了  2 順調  3 注意  4 遅延  5 コメント`. */
export function choicesText(lang: Lang): string {
  const labels = [...STATUS_CHOICES.map((status) => statusLabel(status, lang)), translate(lang, 'reminder.button.comment')];
  return labels.map((label, index) => `${index + 1} ${label}`).join('  ');
}

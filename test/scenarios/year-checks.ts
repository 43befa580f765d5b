/**
 * Checks the year scenario makes the same way on every platform: what the
 * operator sees of the refused messages, and a digest's figures.
 */
import { expect } from 'vitest';
import type { StatusStore } from '../../src/adapters/db/status-store.ts';
import type { Config } from '../../src/config.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { statusLabel, STATUS_CODES } from '../../src/domain/status.ts';
import { cli } from '../cli/run-cli.ts';
import type { Answer, DigestFigures } from './year-script.ts';
import { TIME_ZONE } from './year-world.ts';

/** `shinchoku outbox --failed` lists each refused message once, with the division and the reason. */
export async function expectListedAsFailed(config: Config, refused: readonly string[], division: string, reason: string): Promise<void> {
  const text = await cli(['outbox', '--failed'], { DATABASE_URL: config.DATABASE_URL, SHINCHOKU_DIRECTORY: config.SHINCHOKU_DIRECTORY });
  expect(text.code, text.stderr).toBe(0);
  expect(text.stdout.split('\n').filter((line) => line.includes(division) && line.includes(reason))).toHaveLength(refused.length);
}

/**
 * A digest as the coordinator reads it: the counts by status (the line after
 * the 状況別の件数 title, e.g. 「未着手 70 ／ 順調 3 ／ …」), the completions
 * since the last one and the overall progress.
 */
export function expectDigestFigures(countsLine: string, text: string, want: DigestFigures, label: string): void {
  for (const code of STATUS_CODES) {
    expect(countsLine, `${label}: ${code}`).toMatch(new RegExp(`(^|／ )${statusLabel(code, 'ja')} ${want.counts[code]}( |$)`, 'u'));
  }
  expect(text, label).toContain(`前回以降に完了 ${want.completed} 件`);
  expect(text, label).toContain(`全体の完了 ${want.done} / ${want.total}`);
}

/** The answer was recorded once (the milestone had `before` updates), as given: by `actor`, `via` the platform's way, at its time. */
export async function expectAnswerRecorded(statuses: StatusStore, answer: Answer, before: number, actor: string, via: string): Promise<void> {
  const label = `${answer.on} ${answer.milestoneId} (${answer.note})`;
  const history = await statuses.history(answer.milestoneId);
  expect(history, label).toHaveLength(before + 1);
  expect(history.at(-1), label).toMatchObject({
    status: answer.status,
    actor,
    via,
    createdAt: instantAt(answer.on, answer.at, TIME_ZONE).toISOString(),
    ...(answer.checkpoint === null ? {} : { checkpoint: answer.checkpoint }),
  });
}

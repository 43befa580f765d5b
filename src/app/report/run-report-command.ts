/** `/plan report …` from its parsed action to its reply; `via` is how an answer reached us. */
import type { ReportAnswerVia } from '../../domain/report-round.ts';
import type { CommandDeps } from '../commands/ports.ts';
import type { Reply } from '../commands/reply.ts';
import { answerItem } from './answer-item.ts';
import { closeRound } from './close-round.ts';
import { openRound } from './open-round.ts';
import type { ReportAction } from './report-action.ts';
import { returnItem } from './return-item.ts';
import { showItemRounds } from './show-item-rounds.ts';
import { showRound } from './show-round.ts';

/** Runs one report action for `userId`. */
export function runReportCommand(deps: CommandDeps, userId: string, action: ReportAction, via: ReportAnswerVia): Promise<Reply> {
  switch (action.op) {
    case 'status':
      return showRound(deps, userId);
    case 'open':
      return openRound(deps, userId, action);
    case 'answer':
      return answerItem(deps, userId, action.itemId, action.fields, via);
    case 'return':
      return returnItem(deps, userId, action.itemId, action.comment, via);
    case 'close':
      return closeRound(deps, userId);
    case 'history':
      return showItemRounds(deps, action.itemId);
  }
}

/** The report's `via` of a status update's: the chat platforms by name, the shell and the CLI as they are. */
export function reportViaOf(via: string): ReportAnswerVia {
  if (via === 'teams' || via === 'shell' || via === 'cli' || via === 'excel') return via;
  return 'slack';
}

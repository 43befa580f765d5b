/**
 * A report round's message (RoundMessage) as terminal text: the view every
 * platform shows (build-round-view.ts), laid out like a command's reply.
 * The shell has no buttons: the view's last line names the answer command.
 */
import type { RoundMessage } from '../../app/ports.ts';
import { buildRoundView } from '../../app/views/build-round-view.ts';
import { translator } from '../../i18n/catalog.ts';
import { viewLines } from './render-reply-text.ts';

export function renderRoundText(message: RoundMessage): string {
  return viewLines(buildRoundView(message), translator(message.lang)).join('\n');
}

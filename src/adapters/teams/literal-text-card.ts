/**
 * Text shown exactly as written, as an Adaptive Card: RichTextBlock's
 * TextRuns render no markdown, so a comment or title containing `**x**`,
 * `[a](http://x)` or `<at>all</at>` shows those characters and nothing else.
 */

/** What the adapter sends: a summary for notifications and the card attachment. */
export interface TeamsMessage {
  /** Plain text: the notification preview, and what clients without cards show. */
  text: string;
  card: Record<string, unknown>;
}

const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** One RichTextBlock per paragraph, each line literal. */
export function literalTextCard(text: string): TeamsMessage {
  const paragraphs = text.split('\n');
  return {
    text: summaryOf(text),
    card: {
      type: 'AdaptiveCard',
      $schema: CARD_SCHEMA,
      version: '1.5',
      msteams: { width: 'Full' },
      body: paragraphs.map((line, index) => ({
        type: 'RichTextBlock',
        ...(index === 0 ? {} : { spacing: 'None' }),
        inlines: [{ type: 'TextRun', text: line === '' ? ' ' : line, ...(index === 0 ? { weight: 'Bolder' } : {}) }],
      })),
    },
  };
}

/** The first line, short: Teams shows it in notifications and the chat list. */
function summaryOf(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

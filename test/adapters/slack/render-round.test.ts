// A report round's message on Slack and Teams at its largest: every item
// owed by a big division, titles that are long and full of markup. Within
// Block Kit's limits and a valid Teams card, the rest counted, never dropped,
// and plan text never read as mentions or markup.
import { describe, expect, it } from 'vitest';
import { renderRound } from '../../../src/adapters/slack/render-round.ts';
import { renderRoundCard } from '../../../src/adapters/teams/cards/render-round-card.ts';
import type { RoundMessage } from '../../../src/app/ports.ts';
import { checkBlocks } from '../../fakes/fake-slack/check-blocks.ts';
import { actionsOf, checkCard, textsOf } from '../teams/cards/check-card.ts';

const TITLE = `<!channel> *取組* _${'長い取組項目の名称'.repeat(30)}_`;

function message(count: number, overrides: Partial<RoundMessage> = {}): RoundMessage {
  return {
    type: 'round',
    lang: 'ja',
    day: '2020-10-06',
    kind: 'reminder',
    division: '総務部人事課',
    unmapped: false,
    round: { asOf: '2020-09-30', deadline: '2020-10-09' },
    daysLeft: 3,
    items: Array.from({ length: count }, (_, i) => ({ id: `${i + 1}-1`, title: TITLE, returned: i % 2 === 0 ? `<@U0EVIL> ${'数字を添えて'.repeat(100)}` : null })),
    divisions: [],
    ...overrides,
  };
}

describe('a round message at its largest', () => {
  it('fits Block Kit: 20 items with their 回答 buttons, the rest counted with /plan report, no mention from plan text', () => {
    const slack = renderRound(message(45));
    expect(checkBlocks(slack.blocks)).toBeNull();
    const actions = slack.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect((actions[0] as { elements: unknown[] }).elements).toHaveLength(20);
    const text = JSON.stringify(slack.blocks);
    expect(text).toContain('他 25 件');
    expect(text).toContain('/plan report');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0EVIL>');
    expect(slack.text).not.toContain('<!channel>');
  });

  it('is a valid Teams card within 40 KB: each item shown with its own 回答 button opening the dialog', () => {
    const card = renderRoundCard(message(45), 'round|1|2020-10-06|総務部人事課');
    checkCard(card);
    const answers = actionsOf(card);
    expect(answers).toHaveLength(20);
    expect(answers[0]).toMatchObject({ type: 'Action.Submit', title: '回答 1-1', data: { dialog_id: 'report_answer', i: '1-1' } });
    expect(textsOf(card).some((t) => t.includes('他 25 件'))).toBe(true);
  });

  it('carries no buttons to the coordinators: the divisions owing answers, and how to see the round', () => {
    const escalation = message(0, { kind: 'escalation', daysLeft: -1, division: '総務部行財政改革推進課', divisions: [{ division: '総務部財政課', owed: 3 }] });
    const card = renderRoundCard(escalation, 'round|1|2020-10-12|coordinator');
    checkCard(card);
    expect(actionsOf(card)).toEqual([]);
    expect(textsOf(card).join('\n')).toContain('総務部財政課');
    expect(textsOf(card).join('\n')).toContain('@shinchoku report');
    expect(renderRound(escalation).blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

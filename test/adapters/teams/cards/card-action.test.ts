import { describe, expect, it } from 'vitest';
import { CARD_VERBS, commentOpenAction, commentSubmitAction, parseCardAction, statusAction } from '../../../../src/adapters/teams/cards/card-action.ts';

const target = { milestoneId: '1-1-2', checkpoint: '2020-08', outboxKey: 'reminder:2020-08-03:総務部人事課', plan: 'fy2020' } as const;

/** What Teams sends back for an action: its data (Action.Submit data arrives merged with inputs). */
function roundTrip(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data));
}

describe('status buttons', () => {
  it('a click reads back the milestone, checkpoint, status and outbox key the button carried', () => {
    const action = statusAction(target, 'at_risk', '注意');
    expect(action).toMatchObject({ type: 'Action.Execute', verb: 'status', title: '注意' });
    const parsed = parseCardAction(action.verb, roundTrip(action.data));
    expect(parsed).toEqual({ ok: true, value: { kind: 'status', status: 'at_risk', ...target } });
  });

  it('carries the SDK route name so the app can listen on card.action.status', () => {
    expect(statusAction(target, 'done', '完了').data).toMatchObject({ action: CARD_VERBS.status });
  });

  it('a whole-milestone button on a card outside the outbox carries no key', () => {
    const action = statusAction({ milestoneId: '6-2-10', checkpoint: null, outboxKey: null, plan: null }, 'done', '完了');
    expect(action.data).not.toHaveProperty('k');
    expect(action.data).not.toHaveProperty('p');
    expect(parseCardAction('status', roundTrip(action.data))).toEqual({
      ok: true,
      value: { kind: 'status', status: 'done', milestoneId: '6-2-10', checkpoint: null, outboxKey: null, plan: null },
    });
  });

  it('a button posted before cards named their plan reads as the default plan', () => {
    expect(parseCardAction('status', { action: 'status', m: '1-1-2', c: '2020-08', s: 'done', k: 'k1' })).toEqual({
      ok: true,
      value: { kind: 'status', status: 'done', milestoneId: '1-1-2', checkpoint: '2020-08', outboxKey: 'k1', plan: null },
    });
  });

  it.each([
    ['no data', undefined],
    ['a string', 'x'],
    ['no milestone', { s: 'done', c: null }],
    ['an empty milestone', { m: '', s: 'done', c: null }],
    ['a bad checkpoint', { m: '1-1-2', s: 'done', c: '2020-13' }],
    ['an unknown status', { m: '1-1-2', s: 'finished', c: null }],
    ['a status no button sets', { m: '1-1-2', s: 'cancelled', c: null }],
    ['a non-string key', { m: '1-1-2', s: 'done', c: null, k: 5 }],
    ['a plan key that is no key', { m: '1-1-2', s: 'done', c: null, p: 'FY 2020' }],
    ['a non-string plan key', { m: '1-1-2', s: 'done', c: null, p: 2020 }],
  ])('refuses %s with a catalogued message, in the clicker’s language', (_name, data) => {
    const ja = parseCardAction('status', data, 'ja');
    const en = parseCardAction('status', data, 'en');
    expect(ja.ok).toBe(false);
    if (ja.ok || en.ok) return;
    expect(ja.error.code).toBe('card_action_unknown');
    expect(ja.error.message).toContain('ボタン');
    expect(en.error.message).toContain('button');
  });

  it('refuses a verb that is not ours', () => {
    expect(parseCardAction('delete', { m: '1-1-2', c: null, s: 'done' }).ok).toBe(false);
    expect(parseCardAction(undefined, { m: '1-1-2', c: null, s: 'done' }).ok).toBe(false);
  });
});

describe('the コメント button and its dialog', () => {
  it('opens the dialog through task/fetch, routed on dialog_id', () => {
    const action = commentOpenAction(target, 'コメント');
    expect(action.type).toBe('Action.Submit');
    const data = roundTrip(action.data) as Record<string, unknown>;
    expect(data['msteams']).toEqual({ type: 'task/fetch' });
    expect(parseCardAction(data['dialog_id'] as string, data)).toEqual({ ok: true, value: { kind: 'comment_open', ...target } });
  });

  it('reads a submission: status, comment, revised due month as typed', () => {
    const action = commentSubmitAction(target, '記録する');
    const data = { ...(roundTrip(action.data) as { action: string }), status: 'delayed', comment: '  資料待ち  ', due: '2021-02' };
    expect(parseCardAction(data.action, data)).toEqual({
      ok: true,
      value: { kind: 'comment_submit', status: 'delayed', comment: '  資料待ち  ', revisedDue: { year: 2021, month: 2 }, ...target },
    });
  });

  it('treats empty inputs as not given', () => {
    const data = { action: 'comment_submit', m: '1-1-2', c: null, status: 'on_track', comment: '', due: ' ' };
    expect(parseCardAction('comment_submit', data)).toMatchObject({ ok: true, value: { comment: undefined, revisedDue: null } });
  });

  it('names the field of a bad submission, so the dialog can show the error there', () => {
    const noStatus = parseCardAction('comment_submit', { m: '1-1-2', c: null, status: '' }, 'en');
    expect(noStatus).toEqual({ ok: false, error: { code: 'card_status_required', field: 'status', message: 'Choose a status' } });
    const badDue = parseCardAction('comment_submit', { m: '1-1-2', c: null, status: 'done', due: 'next spring' }, 'ja');
    expect(badDue).toMatchObject({ ok: false, error: { code: 'card_bad_due', field: 'due' } });
  });
});

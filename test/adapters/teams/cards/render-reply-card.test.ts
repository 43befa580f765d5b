import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../../../../src/adapters/teams/cards/card-action.ts';
import { renderCommentDialog } from '../../../../src/adapters/teams/cards/render-comment-dialog.ts';
import { renderHomeCard } from '../../../../src/adapters/teams/cards/render-home-card.ts';
import { renderReplyCard } from '../../../../src/adapters/teams/cards/render-reply-card.ts';
import type { HomeModel } from '../../../../src/app/build-home.ts';
import type { MilestoneSummary, PlanOverview, Reply } from '../../../../src/app/commands/reply.ts';
import { actionsOf, checkCard, textsOf } from './check-card.ts';

const HOSTILE = '**x** [a](http://x) <at>all</at> <script> &lt; _x_';

function item(overrides: Partial<MilestoneSummary> = {}): MilestoneSummary {
  return { id: '1-1-2', title: '次長級職員研修の実施', owners: ['総務部人事課'], status: 'on_track', checkpoint: null, nextDue: '2020-07-31', daysOverdue: null, open: true, ...overrides };
}

const byStatus = { not_started: 70, on_track: 3, at_risk: 2, delayed: 1, done: 2, cancelled: 0 };
const overview: PlanOverview = {
  title: '令和2年度 年次計画',
  fiscalYear: 2020,
  today: '2020-09-07',
  total: 78,
  byStatus,
  overdueTotal: 14,
  overdueDueDates: 14,
  pillars: [{ id: 'I', title: 'スマート改革の推進', total: 26, byStatus, overdue: 3 }],
  overdue: [item({ id: '6-2-1', daysOverdue: 5, status: 'delayed' })],
};
const paging = { page: 1, pageCount: 2, total: 25, remaining: 5, nextCommand: '/plan status overdue 2' };
const at = { date: '2020-07-22', time: '10:03' } as const;

const replies: Reply[] = [
  { kind: 'help', coordinator: true },
  { kind: 'overview', overview },
  {
    kind: 'milestone',
    detail: {
      summary: item({ title: HOSTILE }),
      scheduleText: '7月',
      group: null,
      pillar: { id: 'I', title: '柱' },
      initiative: { id: '1-1', title: '取組' },
      item: { id: '1-1-a', title: '項目' },
      checkpoints: [{ key: null, due: '2020-07-31', status: 'on_track', daysOverdue: null, revised: false } as never],
      history: [{ status: 'on_track', checkpoint: null, allCheckpoints: false, comment: HOSTILE, revisedDue: null, actor: 'aad-1', via: 'teams', at }],
      historyTotal: 3,
    },
  },
  { kind: 'list', scope: { kind: 'overdue' }, today: '2020-09-07', items: [item({ daysOverdue: 3 })], paging },
  { kind: 'history', milestone: { id: '1-1-2', title: HOSTILE }, entries: [{ status: 'done', checkpoint: '2020-08', allCheckpoints: false, comment: 'ok', revisedDue: null, actor: 'aad-1', via: 'teams', at }], paging: { ...paging, nextCommand: null } },
  { kind: 'updated', milestone: { id: '1-1-2', title: HOSTILE }, checkpoint: null, status: 'done', previous: 'on_track', commentOnly: false, picked: false, allCheckpoints: [], comment: HOSTILE, revisedDue: null, due: null, actor: 'aad-1', via: 'teams', at },
  { kind: 'owner', division: '総務部人事課', entry: { channel: '19:abc@thread.tacv2', users: ['aad-1'], deputies: [] }, changed: true },
  { kind: 'lang', lang: 'en', changed: true },
  { kind: 'digest_posted', channel: '19:reform@thread.tacv2', week: '2020-W37' },
  { kind: 'problem', problem: { code: 'unknown_id', id: '9-9-9', suggestions: ['1-1-2'] } },
];

describe('renderReplyCard', () => {
  for (const lang of ['ja', 'en'] as const) {
    it.each(replies.map((r) => [r.kind, r] as const))(`renders %s as a valid card, plan and user text literal (${lang})`, (_kind, reply) => {
      const card = renderReplyCard(reply, lang, { nameActor: (id) => (id === 'aad-1' ? '山田 花子' : id) });
      checkCard(card);
      const raw = JSON.stringify(card);
      expect(raw).not.toMatch(/(?<!\\)<(?:at|script)>/u);
      expect(raw).not.toMatch(/(?<![\\*])\*\*x/u);
      expect(textsOf(card).length).toBeGreaterThan(0);
    });
  }

  it('shows a list in order with the page and the Teams command for the next page', () => {
    const texts = textsOf(renderReplyCard(replies[3]!, 'ja'));
    expect(texts[0]).toBe('期限を過ぎた取組');
    expect(texts).toContain('1-1-2 次長級職員研修の実施');
    expect(texts.at(-1)).toBe('他 5 件。@shinchoku status overdue 2 で続きを表示します');
  });

  it('shows a hostile title and comment exactly as typed, with the recorder’s name', () => {
    const texts = textsOf(renderReplyCard(replies[5]!, 'ja', { nameActor: () => '山田 花子' }));
    expect(texts).toContain(HOSTILE);
    expect(texts).toContain(`コメント: ${HOSTILE}`);
    expect(texts.some((t) => t.includes('山田 花子'))).toBe(true);
  });

  it('writes the help’s commands the Teams way', () => {
    const texts = textsOf(renderReplyCard(replies[0]!, 'ja')).join('\n');
    expect(texts).toContain('@shinchoku status 1-1-2');
    expect(texts).not.toContain('/plan');
  });

  it('words a refusal and says nothing changed when a change was asked', () => {
    const texts = textsOf(renderReplyCard(replies[9]!, 'en', { change: true }));
    expect(texts[0]).toContain('9-9-9');
    expect(texts.join('\n')).toContain('1-1-2');
  });
});

describe('renderHomeCard', () => {
  const model: HomeModel = { divisions: ['総務部人事課'], coordinator: true, items: [item(), item({ id: '1-1-3', checkpoint: '2020-08' })], remaining: 0, overview, problem: null, planKey: 'fy2020' };

  it('lists the user’s open milestones with the reminders’ buttons, then the summary for coordinators', () => {
    const card = renderHomeCard(model, 'ja');
    checkCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('年次計画の進捗');
    expect(texts.indexOf('1-1-2 次長級職員研修の実施')).toBeLessThan(texts.indexOf('1-1-3 次長級職員研修の実施'));
    expect(texts).toContain('計画全体(取りまとめ向け)');
    const actions = actionsOf(card);
    expect(actions.map((a) => a.title).slice(0, 5)).toEqual(['完了', '順調', '注意', '遅延', 'コメント']);
    expect(parseCardAction(actions[5]!.verb, actions[5]!.data)).toEqual({ ok: true, value: { kind: 'status', status: 'done', milestoneId: '1-1-3', checkpoint: '2020-08', outboxKey: null, plan: 'fy2020' } });
  });

  it('stays within 40 KB with many open milestones, counting the rest with the command', () => {
    const many: HomeModel = { ...model, items: Array.from({ length: 25 }, (_, i) => item({ id: `1-1-${i}`, title: `${'長い取組名'.repeat(20)} ${i}` })), remaining: 40 };
    const card = renderHomeCard(many, 'ja');
    checkCard(card);
    const more = textsOf(card).find((t) => t.startsWith('他 '));
    expect(more).toMatch(/^他 \d+ 件。@shinchoku mine で続きを表示します$/u);
  });

  it('tells someone in no division how to be added', () => {
    const texts = textsOf(renderHomeCard({ ...model, divisions: [], items: [], overview: null, coordinator: false }, 'ja'));
    expect(texts.join('\n')).toContain('どの担当課にも登録されていません');
  });
});

describe('renderCommentDialog', () => {
  const form = { milestone: item({ title: HOSTILE }), checkpoint: '2020-08' as const, status: 'on_track' as const, canReviseDue: false };
  const target = { milestoneId: '1-1-2', checkpoint: '2020-08' as const, outboxKey: 'k1', plan: 'fy2020' };

  it('asks for a status and a comment of up to 1,000 characters; its submit carries what it is about', () => {
    const { title, card } = renderCommentDialog(form, target, 'ja');
    checkCard(card);
    expect(title).toBe('状況の報告 令和2年8月');
    const inputs = (card.body as { type: string; id?: string; maxLength?: number; value?: string }[]).filter((e) => e.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['status', 'comment']);
    expect(inputs[0]!.value).toBe('on_track');
    expect(inputs[1]!.maxLength).toBe(1000);
    const [submit] = actionsOf(card);
    expect(parseCardAction('comment_submit', { ...submit!.data, status: 'delayed', comment: 'x' })).toMatchObject({ ok: true, value: { kind: 'comment_submit', milestoneId: '1-1-2', checkpoint: '2020-08', outboxKey: 'k1', plan: 'fy2020', status: 'delayed' } });
    expect(JSON.stringify(card)).not.toMatch(/(?<!\\)<at>/u);
  });

  it('offers the revised due month to coordinators only', () => {
    const { card } = renderCommentDialog({ ...form, canReviseDue: true }, target, 'en');
    expect((card.body as { id?: string }[]).map((e) => e.id)).toContain('due');
  });

  it('shows errors under their fields and keeps what was typed', () => {
    const { card } = renderCommentDialog({ ...form, canReviseDue: true }, target, 'ja', { due: '月として読み取れません(例: 2021-02)', form: 'この取組を報告できるのは担当課です' }, { comment: '<at>all</at>', due: 'next spring', status: 'delayed' });
    checkCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('この取組を報告できるのは担当課です');
    expect(texts).toContain('月として読み取れません(例: 2021-02)');
    const body = card.body as { id?: string; value?: string }[];
    expect(body.find((e) => e.id === 'comment')?.value).toBe('<at>all</at>');
    expect(body.find((e) => e.id === 'status')?.value).toBe('delayed');
  });
});

describe('invoke answers', () => {
  it('wrap a card for a click and a dialog the way Teams expects them', async () => {
    const { cardActionResponse, dialogResponse, dialogClosedResponse } = await import('../../../../src/adapters/teams/cards/invoke-responses.ts');
    const dialog = renderCommentDialog({ milestone: item(), checkpoint: null, status: 'on_track', canReviseDue: false }, { milestoneId: '1-1-2', checkpoint: null, outboxKey: null, plan: null }, 'ja');
    expect(cardActionResponse(dialog.card)).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: dialog.card });
    expect(dialogResponse(dialog)).toEqual({
      task: { type: 'continue', value: { title: '状況の報告', width: 'medium', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: dialog.card } } },
    });
    expect(dialogClosedResponse('記録しました')).toEqual({ task: { type: 'message', value: '記録しました' } });
  });
});

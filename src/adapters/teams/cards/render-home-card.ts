/**
 * The personal chat's home (issue 14, item 6): the user's divisions' open
 * milestones, soonest due first, each with the same buttons as the
 * reminders, and the plan summary for coordinators (build-home.ts decides
 * what is on it).
 */
import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import type { HomeModel } from '../../../app/build-home.ts';
import { buildMilestoneLine } from '../../../app/views/build-milestone-line.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import { problemLines } from '../../../i18n/problem-lines.ts';
import { stripMarkup } from '../../../i18n/strip-markup.ts';
import { card, CARD_BYTES_BUDGET, cardBytes, container, text } from './card-parts.ts';
import { lineContainer } from './line-card-parts.ts';
import { renderReplyCard } from './render-reply-card.ts';
import { teamsCommand, teamsTranslator } from './teams-command.ts';

/** The home card; `notice` is a refusal to show on top (a button the user may not use). */
export function renderHomeCard(model: HomeModel, lang: Lang, notice: readonly string[] = []): IAdaptiveCard {
  const t = teamsTranslator(lang);
  const body: CardElementArray = [text(t('home.title'), { size: 'Large', weight: 'Bolder' })];
  for (const line of notice) body.push(text(line, { color: 'Attention' }));
  if (model.problem) {
    body.push(...problemLines(model.problem, lang, t).map((line) => text(line)));
    return card(body);
  }
  body.push(text(model.divisions.length === 0 ? t('home.noDivisions') : t('home.divisions', { divisions: model.divisions.join('、') }), { isSubtle: true, spacing: 'None' }));
  const overview = model.overview ? renderReplyCard({ kind: 'overview', overview: model.overview }, lang) : null;
  const summary = overview ? [container([text(t('home.summaryHeader'), { size: 'Medium', weight: 'Bolder' }), ...overview.body.slice(1)], { separator: true, spacing: 'Large' })] : [];
  if (model.divisions.length > 0) {
    body.push(text(stripMarkup(t('home.openHeader')), { weight: 'Bolder', spacing: 'Medium' }));
    if (model.items.length === 0) body.push(text(t('home.noOpen'), { isSubtle: true }));
    const more = (count: number) => text(t('plan.more', { count, command: teamsCommand('/plan mine') }), { isSubtle: true, separator: true });
    // Five buttons a line weigh about 3 KB in Teams' count: the lines that fit within 40 KB, the rest counted.
    const all = model.items.length + model.remaining;
    const budget = CARD_BYTES_BUDGET - cardBytes(card([...body, ...summary, more(all)]));
    let size = 0;
    let shown = 0;
    for (const item of model.items) {
      const element = lineContainer(buildMilestoneLine(item, lang, t, { buttons: { plan: model.planKey } }), t('reminder.separator'), lang, null, undefined);
      size += cardBytes(element) + 2;
      if (size > budget) break;
      body.push(element);
      shown++;
    }
    if (shown < all) body.push(more(all - shown));
  }
  body.push(...summary);
  return card(body);
}

/**
 * The App Home tab: the viewer's open milestones with the same status
 * buttons as the reminders, and the plan summary for coordinators. A Home
 * view holds 100 blocks: 4 + 2 × HOME_ITEMS (25) + 1 + 17 of the summary fit.
 */
import type { types } from '@slack/bolt';
import type { HomeModel } from '../../app/build-home.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { truncate } from './block-kit-limits.ts';
import { context, DIVIDER, header, section, toMrkdwn } from './mrkdwn.ts';
import { milestoneLineText } from './render-milestone-line.ts';
import { viewBlocks } from './render-reply.ts';
import { buildReplyView } from '../../app/views/build-reply-view.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { statusButtonsBlock } from './status-buttons.ts';

/** Slack's limit for a Home tab view. */
const HOME_BLOCKS = 100;

/** The Home view; `notice` is a refusal to show on top (a button the viewer may not use). */
export function renderHome(model: HomeModel, lang: Lang, notice: string[] = []): types.HomeView {
  const t = translator(lang);
  const blocks: types.KnownBlock[] = [header(t('home.title'))];
  if (notice.length > 0) blocks.push(section(`:warning: ${toMrkdwn(notice.join('\n'))}`));
  if (model.problem) {
    blocks.push(section(toMrkdwn(problemLines(model.problem, lang, t).join('\n'))));
    return { type: 'home', blocks };
  }
  blocks.push(context(toMrkdwn(model.divisions.length === 0 ? t('home.noDivisions') : t('home.divisions', { divisions: truncate(model.divisions.join('、'), 1000) }))));
  if (model.divisions.length > 0) {
    blocks.push(section(toMrkdwn(t('home.openHeader'))));
    if (model.items.length === 0) blocks.push(context(toMrkdwn(t('home.noOpen'))));
    model.items.forEach((item, index) => {
      blocks.push(section(milestoneLineText(item, lang, t)));
      blocks.push(statusButtonsBlock({ milestoneId: item.id, checkpoint: item.checkpoint, plan: model.planKey }, lang, `home_${index}`));
    });
    if (model.remaining > 0) blocks.push(context(toMrkdwn(t('plan.more', { count: model.remaining, command: '`/plan mine`' }))));
  }
  // The plan summary as `/plan status` shows it, under the Home's own heading.
  if (model.overview) blocks.push(DIVIDER, header(t('home.summaryHeader')), ...viewBlocks(buildReplyView({ kind: 'overview', overview: model.overview }, lang), t));
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) };
}

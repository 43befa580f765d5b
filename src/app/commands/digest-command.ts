/**
 * `/plan digest` (anyone: a preview of today's digest, posted nowhere) and
 * `/plan digest post` (coordinators: post it to the coordinator channel now).
 * The digest itself is built by src/app/build-digest.ts and post-digest.ts.
 */
import { isCoordinator } from '../../domain/directory.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { choosePlan } from './choose-plan.ts';
import type { PlanSelector } from './command.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

/** Answers `/plan digest [post [replace]] [--plan KEY | --year YEAR]` for `userId`, in `lang` for a preview. */
export async function digestCommand(
  defaults: CommandDeps,
  userId: string,
  request: { post: boolean; replace: boolean; plan?: PlanSelector },
  lang: Lang,
): Promise<Reply> {
  // Another plan's digest (issue 13): previewed like the default one's; posted only while its period runs.
  const chosen = await choosePlan(defaults, request.plan);
  if (!chosen.ok) return problemReply(chosen.error);
  const { deps, plan } = chosen.value;
  if (!deps.digest) return problemReply({ code: 'digest_unavailable' });
  const now = deps.clock.now();
  if (request.post && plan?.over) return problemReply({ code: 'plan_read_only', title: plan.title, fiscalYear: plan.fiscalYear, end: plan.periodEnd });
  if (!request.post) {
    const preview = await deps.digest.preview(now, lang);
    return preview.ok ? { kind: 'digest', message: preview.value } : problemReply({ code: 'no_plan' });
  }
  if (!isCoordinator(deps.directory.current(), userId)) return problemReply({ code: 'not_allowed', action: 'digest_post', owners: [] });
  const posted = await deps.digest.post(now, request.replace);
  if (!posted.ok) return problemReply({ code: 'no_plan' });
  // A manual post always enqueues; `skipped` is only for the scheduled one.
  const outcome = posted.value;
  return { kind: 'digest_posted', channel: outcome.kind === 'enqueued' ? outcome.channel : '', week: outcome.week };
}

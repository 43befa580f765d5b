/**
 * `/plan dashboard` (issue 15 §3): anyone gets a personal link that expires
 * in a day; a coordinator gives a longer-lived read-only link to someone
 * outside the chat (`link NAME [DAYS]`) and revokes it (`revoke ID`).
 */
import { isCoordinator } from '../../domain/directory.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { DashboardAction } from './command.ts';
import type { CommandDeps } from './ports.ts';
import type { DashboardRefusal, Reply } from './reply.ts';

/** A read-only link lasts this long unless the coordinator says otherwise: a quarter, one reporting period. */
export const SHARED_LINK_DEFAULT_DAYS = 90;
/** And at most a year and a day: a link outlives no fiscal year unnoticed. */
export const SHARED_LINK_MAX_DAYS = 366;
/** Who a link is for, as shown back in the chat. */
export const LINK_NAME_MAX_CHARS = 50;

const refused = (reason: DashboardRefusal): Reply => ({ kind: 'dashboard', answer: { kind: 'refused', reason } });

/** Answers `/plan dashboard …` for `userId`. */
export async function dashboardCommand(deps: CommandDeps, userId: string, action: DashboardAction): Promise<Reply> {
  const links = deps.dashboard;
  if (!links) return refused({ code: 'off' });
  const now = deps.clock.now();
  const expires = (at: Date) => wallClock(at, deps.timeZone);
  if (action.kind === 'open') {
    const link = links.personal(userId, now);
    return { kind: 'dashboard', answer: { kind: 'personal', url: link.url, expires: expires(link.expiresAt) } };
  }
  if (!isCoordinator(deps.directory.current(), userId)) return refused({ code: 'not_coordinator' });
  if (action.kind === 'revoke') {
    const link = await links.find(action.id);
    if (link === null) return refused({ code: 'unknown_link', id: action.id });
    if (link.revokedAt !== null || !(await links.revoke(action.id, userId, now))) return refused({ code: 'already_revoked', id: action.id });
    return { kind: 'dashboard', answer: { kind: 'revoked', id: link.id, name: link.name } };
  }
  const days = action.days === null ? SHARED_LINK_DEFAULT_DAYS : Number(/^\d+/u.exec(action.days)?.[0]);
  if (!Number.isInteger(days) || days < 1 || days > SHARED_LINK_MAX_DAYS) return refused({ code: 'bad_days', word: action.days ?? '', max: SHARED_LINK_MAX_DAYS });
  if ([...action.name].length > LINK_NAME_MAX_CHARS) return refused({ code: 'bad_name', max: LINK_NAME_MAX_CHARS });
  const link = await links.mint(action.name, days, userId, now);
  return { kind: 'dashboard', answer: { kind: 'minted', id: link.id, name: action.name, url: link.url, expires: expires(link.expiresAt) } };
}

/**
 * The DigestCommands port over the weekly digest's use cases
 * (build-digest.ts, post-digest.ts), with the directory read at each call,
 * so a `/plan owner` change is seen by the next digest.
 */
import type { Directory } from '../../domain/directory.ts';
import { isoWeekKey } from '../../domain/iso-week.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { buildDigestFor, type BuildDigestDeps } from '../build-digest.ts';
import { digestMessage } from '../digest-message.ts';
import { postDigest, type PostDigestDeps } from '../post-digest.ts';
import type { DigestCommands } from './ports.ts';

export type BindDigestDeps = Omit<PostDigestDeps, 'directory'> &
  Omit<BuildDigestDeps, 'directory'> & {
    directory: () => Directory;
    /** Called after a post is enqueued, to wake the outbox dispatcher. */
    onPosted?: () => void;
  };

/** Binds the digest use cases for `/plan digest [post]`. */
export function bindDigestCommands(deps: BindDigestDeps): DigestCommands {
  return {
    async preview(now, lang) {
      const date = wallClock(now, deps.timeZone).date;
      const digest = await buildDigestFor(date, { ...deps, directory: deps.directory() });
      return digest.ok ? { ok: true, value: digestMessage(digest.value, { lang, week: isoWeekKey(date) }) } : digest;
    },
    async post(now, replace) {
      const posted = await postDigest(now, { ...deps, directory: deps.directory() }, { manual: true, replace });
      if (posted.ok && posted.value.kind === 'enqueued') deps.onPosted?.();
      return posted;
    },
  };
}

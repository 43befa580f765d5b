/**
 * Cuts a digest's lists for a message: a message shows the first few lines
 * of each list and says how many more there are, so it need not carry the
 * rest (a 10,000-milestone plan would make an outbox row of megabytes).
 */
import type { Digest, DigestList } from './digest.ts';

const cut = <T>(list: DigestList<T>, max: number): DigestList<T> => ({ total: list.total, items: list.items.slice(0, max) });

/**
 * The digest with every list (pillars and each pillar's initiatives too)
 * cut to its first `max` items; `total` keeps each list's real length.
 */
export function capDigest(digest: Digest, max: number): Digest {
  return {
    ...digest,
    completed: cut(digest.completed, max),
    newlyOverdue: cut(digest.newlyOverdue, max),
    stillOverdue: cut(digest.stillOverdue, max),
    dueSoon: cut(digest.dueSoon, max),
    silentDivisions: cut(digest.silentDivisions, max),
    unmappedDivisions: cut(digest.unmappedDivisions, max),
    ...(digest.reportRound ? { reportRound: { ...digest.reportRound, missing: cut(digest.reportRound.missing, max) } } : {}),
    ...(digest.carryOver ? { carryOver: { ...digest.carryOver, unfinished: cut(digest.carryOver.unfinished, max) } } : {}),
    pillars: {
      total: digest.pillars.total,
      items: digest.pillars.items.slice(0, max).map((pillar) => ({ ...pillar, initiatives: cut(pillar.initiatives, max) })),
    },
  };
}

/**
 * A digest as an outbox message body: the model with its lists cut to what
 * any renderer shows, so that a plan of any size makes a small outbox row.
 */
import { capDigest } from '../domain/digest-cap.ts';
import type { Digest } from '../domain/digest.ts';
import type { Lang } from '../i18n/catalog.ts';
import type { DigestMessage } from './ports.ts';

/** Items a message keeps per list: more than any renderer shows (Slack and the terminal show 10). */
export const MESSAGE_LIST_ITEMS = 20;

/** The DigestMessage of `digest` for `week`; `late` and `manual` default to false (a preview). */
export function digestMessage(digest: Digest, frame: { lang: Lang; week: string; late?: boolean; manual?: boolean }): DigestMessage {
  return {
    type: 'digest',
    lang: frame.lang,
    week: frame.week,
    late: frame.late ?? false,
    manual: frame.manual ?? false,
    digest: capDigest(digest, MESSAGE_LIST_ITEMS),
  };
}

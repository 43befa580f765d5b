/**
 * What `/plan export` answers, in words, for every platform: where the
 * workbook went (a DM, a file, a download link) or how to get it.
 */
import type { Reply } from '../app/commands/reply.ts';
import type { Lang, Translate } from './catalog.ts';
import { formatEraDate } from './format-date.ts';

export function exportedLines(reply: Extract<Reply, { kind: 'exported' }>, lang: Lang, t: Translate): string[] {
  const asOf = formatEraDate(reply.asOf, lang);
  const { delivery } = reply;
  switch (delivery.kind) {
    case 'dm':
      return [t('excel.chat.uploaded', { asOf, file: reply.fileName })];
    case 'file':
      return [t('excel.chat.written', { asOf, path: delivery.path })];
    case 'link':
      return [t('excel.chat.dashboard', { url: delivery.url })];
    case 'cli':
      return [t('excel.chat.viaCli', { file: reply.fileName })];
    case 'failed':
      return [t('excel.chat.uploadFailed', { reason: delivery.reason, file: reply.fileName })];
  }
}

/**
 * `/plan export` (エクスポート / 出力): the progress report workbook of the
 * default plan, handed to the asker the way their platform can take a file.
 * It holds every division's answers and comments, so only people the
 * directory knows (coordinators, and the users and deputies of a division)
 * receive it.
 */
import { divisionsOfUser, isCoordinator } from '../../domain/directory.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

export async function exportReport(deps: CommandDeps, userId: string, lang: Lang): Promise<Reply> {
  if (!deps.reports || !deps.files) return problemReply({ code: 'export_unavailable' });
  const directory = deps.directory.current();
  if (!isCoordinator(directory, userId) && divisionsOfUser(directory, userId).length === 0) return problemReply({ code: 'not_allowed', action: 'export', owners: [] });
  const built = await deps.reports.build(deps.clock.now(), lang);
  if (!built.ok) return problemReply({ code: 'no_plan' });
  const file = built.value;
  return { kind: 'exported', asOf: file.asOf, fileName: file.fileName, delivery: await deps.files.deliver(file, userId, lang) };
}

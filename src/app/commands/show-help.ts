/** `/plan help`: usage with examples; coordinators also see the commands only they may use. */
import { isCoordinator } from '../../domain/directory.ts';
import type { CommandDeps } from './ports.ts';
import type { Reply } from './reply.ts';

/** Answers `/plan help` (and an empty `/plan`). */
export function showHelp(deps: Pick<CommandDeps, 'directory'>, userId: string): Reply {
  return { kind: 'help', coordinator: isCoordinator(deps.directory.current(), userId) };
}

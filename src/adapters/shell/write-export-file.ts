/**
 * `/plan export` in the shell: the person is at this machine, so the
 * workbook is written to the directory the bot was started in, and the
 * answer says where.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileDelivery } from '../../app/commands/ports.ts';

export function createShellFileDelivery(directory: string = process.cwd()): FileDelivery {
  return {
    async deliver(file) {
      const path = resolve(directory, file.fileName);
      try {
        await writeFile(path, file.bytes);
        return { kind: 'file', path };
      } catch (error) {
        return { kind: 'failed', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
      }
    },
  };
}

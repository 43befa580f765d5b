/**
 * The directory the bot works with, kept in step with its file: a change from
 * chat (`/plan owner …`) is applied to the YAML document itself, so the
 * coordinator's comments and layout survive, validated as a whole, written
 * atomically (a temporary file renamed over the old one, so a crash leaves
 * the old file or the new one, never half of one), and only then used.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { DirectoryChange, DirectoryStore } from '../../app/commands/ports.ts';
import type { Directory } from '../../domain/directory.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import { translate, type Lang } from '../../i18n/catalog.ts';
import { parseDirectory } from './load-directory.ts';

/**
 * A DirectoryStore over the file at `path`, starting from `initial` (what
 * loadDirectory read at start); its problems are worded in `lang`.
 */
export function createDirectoryFile(path: string, initial: Directory, lang: Lang = 'ja'): DirectoryStore {
  let current = initial;
  // Two coordinators changing the directory at once take turns, so neither change is lost.
  let queue: Promise<unknown> = Promise.resolve();

  const apply = async (change: DirectoryChange): Promise<Result<Directory, Problem>> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      // Only the shell can get here without a file (its `:as coordinator`); the reply says how to make one.
      if (code === 'ENOENT') return fail({ code: 'directory_missing', message: translate(lang, 'directoryFile.missing', { file: path }) });
      return fail({ code: 'directory_unreadable', message: translate(lang, 'directoryFile.unreadable', { file: path, reason: code }) });
    }
    // A hand edit since start that broke the file is reported as loading reports it, not overwritten.
    const before = parseDirectory(text, path, lang);
    if (!before.ok) return before;
    const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text);
    editDivision(doc, change);
    const updated = doc.toString({ lineWidth: 0 });
    // The whole file is checked again: the change itself must leave a valid directory.
    const parsed = parseDirectory(updated, path, lang);
    if (!parsed.ok) return parsed;
    const written = await writeAtomically(path, updated, lang);
    if (!written.ok) return written;
    current = parsed.value;
    return ok(current);
  };

  return {
    current: () => current,
    change(change) {
      const result = queue.then(() => apply(change));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

function editDivision(doc: Document, change: DirectoryChange): void {
  let divisions = doc.get('divisions');
  if (!isMap(divisions)) {
    divisions = doc.createNode({});
    doc.set('divisions', divisions);
  }
  const map = divisions as YAMLMap;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value).trim() === change.division);
  if (pair && isMap(pair.value)) {
    const entry = pair.value;
    if (change.channel !== null) entry.set('channel', change.channel);
    if (change.users !== null) entry.set('users', doc.createNode(change.users, { flow: true }));
    if (change.channelMembers === true) entry.set('channelMembers', true);
    if (change.channelMembers === false) entry.delete('channelMembers');
    return;
  }
  // A new entry is written in the one-line style of the example file.
  const entry: Record<string, unknown> = { channel: change.channel ?? '', users: change.users ?? [], deputies: [] };
  if (change.channelMembers === true) entry.channelMembers = true;
  map.set(change.division, doc.createNode(entry, { flow: true }));
}

async function writeAtomically(path: string, text: string, lang: Lang): Promise<Result<void, Problem>> {
  // Same folder as the file, so the rename never crosses file systems.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
    return ok(undefined);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail({ code: 'directory_unwritable', message: translate(lang, 'directoryFile.unwritable', { file: path, reason: code }) });
  }
}

/**
 * Reads the directory file (SPEC §3, `config/directory.yaml`). A missing file
 * is an empty directory, not an error: every division is then unmapped and a
 * terminal run works without any setup. Every other problem is one line that
 * names the file and the line.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { EMPTY_DIRECTORY, type Directory, type DivisionEntry } from '../../domain/directory.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import { lineOfPath } from '../../import/document-lines.ts';
import { formatPath } from '../../import/plan-schema.ts';
import { describeDirectoryIssues, directorySchema } from './directory-schema.ts';
import { translate, translator, type Lang } from '../../i18n/catalog.ts';

/**
 * A directory file that cannot be used. `code` is `directory_unreadable`,
 * `directory_syntax` (not YAML) or `directory_invalid` (YAML, but not a
 * directory); `line` is 1-based.
 */
export type DirectoryProblem = Problem & { line?: number };

/** Reads and validates the directory file at `path`; a file that does not exist gives EMPTY_DIRECTORY. */
export async function loadDirectory(path: string, lang: Lang = 'ja'): Promise<Result<Directory, DirectoryProblem>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok(EMPTY_DIRECTORY);
    return fail({ code: 'directory_unreadable', message: translate(lang, 'directoryFile.unreadable', { file: path, reason: code ?? String(error) }) });
  }
  return parseDirectory(text, path, lang);
}

/**
 * Parses directory YAML. Reports the first problem in document order (plus
 * how many more there are), e.g.
 * `config/directory.yaml:7: divisions.総務部人事課.channel: required, but missing`.
 */
export function parseDirectory(text: string, sourceName: string, lang: Lang = 'ja'): Result<Directory, DirectoryProblem> {
  const t = translator(lang);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, { lineCounter });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line;
    const what = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return fail({ code: 'directory_syntax', message: `${where(sourceName, line)}: ${t('planFile.yamlSyntax', { detail: what })}`, ...(line !== undefined && { line }) });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    return fail({ code: 'directory_syntax', message: `${sourceName}: ${t('planFile.yamlError', { detail: error instanceof Error ? error.message : String(error) })}` });
  }

  const parsed = directorySchema.safeParse(data);
  if (!parsed.success) {
    const issues = describeDirectoryIssues(parsed.error.issues, data, t)
      .map((issue, order) => ({ ...issue, order, line: lineOfPath(doc, lineCounter, issue.path) }))
      .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.order - b.order);
    const first = issues[0];
    const path = first ? formatPath(first.path) : '';
    const more = issues.length > 1 ? t('planFile.more', { count: issues.length - 1 }) : '';
    const message = `${where(sourceName, first?.line)}: ${path ? `${path}: ` : ''}${first?.message ?? t('directoryFile.invalid')}${more}`;
    return fail({ code: 'directory_invalid', message, ...(first?.line !== undefined && { line: first.line }) });
  }

  const { coordinator, divisions } = parsed.data;
  return ok({
    coordinator,
    divisions: new Map<string, DivisionEntry>(Object.entries(divisions).map(([name, entry]) => [name.trim(), entry])),
  });
}

function where(sourceName: string, line: number | undefined): string {
  return line === undefined ? sourceName : `${sourceName}:${line}`;
}

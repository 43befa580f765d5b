// Reads a plan document of either format into a Plan: the one entry point
// the CLI and the bot's first start use.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plan } from '../domain/plan.ts';
import { fail, type Problem, type Result } from '../domain/result.ts';
import { translate, type Lang } from '../i18n/catalog.ts';
import { parsePdfText } from './pdf-text/parse.ts';
import { detectPlanFormat, parsePlanDocument } from './plan-file.ts';

/** Plans are a few hundred kilobytes; anything this large is not a plan. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Reads and parses `file`, detecting its format; every failure is one line. */
export async function readPlanSource(file: string, lang: Lang): Promise<Result<Plan, Problem>> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail({ code: 'not_a_file', message: translate(lang, 'cli.fileUnreadable', { file, reason: 'not a file' }) });
    if (info.size > MAX_BYTES) return fail({ code: 'too_large', message: translate(lang, 'cli.fileUnreadable', { file, reason: `${info.size} bytes` }) });
    const bytes = await readFile(file);
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail({ code: 'file_missing', message: translate(lang, 'cli.fileMissing', { file }) });
    return fail({ code: 'file_unreadable', message: translate(lang, 'cli.fileUnreadable', { file, reason: code ?? String(error) }) });
  }
  const format = detectPlanFormat(basename(file), text);
  return format === 'pdf-text' ? parsePdfText(text, file, lang) : parsePlanDocument(text, format, file);
}

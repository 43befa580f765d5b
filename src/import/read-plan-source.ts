// Reads a plan document of either format into a Plan: the one entry point
// the CLI and the bot's first start use.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plan } from '../domain/plan.ts';
import { fail, ok, type Problem, type Result } from '../domain/result.ts';
import { translate, type Lang } from '../i18n/catalog.ts';
import { decodePlanBytes, type PlanEncoding } from './decode-plan-bytes.ts';
import { parsePdfText } from './pdf-text/parse.ts';
import { detectPlanFormat, parsePlanDocument } from './plan-file.ts';

/** Plans are a few hundred kilobytes; anything this large is not a plan. */
const MAX_BYTES = 20 * 1024 * 1024;

/** A plan as read from its file, with the encoding its bytes were in (the review report names it). */
export interface PlanSource {
  plan: Plan;
  encoding: PlanEncoding;
}

/** Reads and parses `file`, detecting its encoding and format; every failure is one line. */
export async function readPlanSource(file: string, lang: Lang): Promise<Result<Plan, Problem>> {
  const read = await readPlanFile(file, lang);
  return read.ok ? ok(read.value.plan) : read;
}

/** readPlanSource with the encoding the file was read in, for the import's review report. */
export async function readPlanFile(file: string, lang: Lang): Promise<Result<PlanSource, Problem>> {
  let text: string;
  let encoding: PlanEncoding;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail({ code: 'not_a_file', message: translate(lang, 'cli.fileUnreadable', { file, reason: 'not a file' }) });
    if (info.size > MAX_BYTES) return fail({ code: 'too_large', message: translate(lang, 'cli.fileUnreadable', { file, reason: `${info.size} bytes` }) });
    const bytes = await readFile(file);
    if (bytes.length === 0) return fail({ code: 'empty_file', message: translate(lang, 'import.file.empty', { file }) });
    const decoded = decodePlanBytes(bytes);
    if (!decoded.ok) return fail({ code: 'binary_file', message: translate(lang, 'import.file.binary', { file }) });
    ({ text, encoding } = decoded);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail({ code: 'file_missing', message: translate(lang, 'cli.fileMissing', { file }) });
    return fail({ code: 'file_unreadable', message: translate(lang, 'cli.fileUnreadable', { file, reason: code ?? String(error) }) });
  }
  const format = detectPlanFormat(basename(file), text);
  const parsed = format === 'pdf-text' ? parsePdfText(text, file, lang) : parsePlanDocument(text, format, file, lang);
  return parsed.ok ? ok({ plan: parsed.value, encoding }) : parsed;
}

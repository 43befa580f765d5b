// The PDF-text importer: the text a PDF extractor made of a plan → Plan.
import type { ImportWarning, ImportWarningKind, Pillar, Plan } from '../../domain/plan.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import { eraToGregorian, findFiscalYear } from '../../domain/era.ts';
import { translate, type Lang, type MessageKey } from '../../i18n/catalog.ts';
import { readTable, type Cell, type PillarBlock, type Warn } from './rows.ts';
import { buildInitiative } from './build-initiative.ts';
import { isDivisionName, joinWrapped, looksLikeGarbage } from './text.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const PUBLISHED = /(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日(.*)$/u;

interface Preamble {
  title: string;
  fiscalYear: number | null;
  publishedOn?: string;
  coordinator?: string;
}

function readPreamble(cells: Cell[], warn: Warn): Preamble {
  const preamble: Preamble = { title: '', fiscalYear: null };
  for (const cell of cells) {
    const compact = cell.text.normalize('NFKC').replace(/\s+/g, '');
    const published = PUBLISHED.exec(compact);
    if (!preamble.title && !published && !looksLikeGarbage(cell.text)) {
      preamble.title = cell.text.trim();
      preamble.fiscalYear = findFiscalYear(cell.text);
      continue;
    }
    if (published && !preamble.publishedOn) {
      const [, era, year, month, day, rest] = published;
      const gregorian = eraToGregorian(era!, year!);
      if (gregorian !== null) {
        preamble.publishedOn = `${gregorian}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
        if (rest && isDivisionName(rest)) preamble.coordinator = rest;
        continue;
      }
    }
    // The coordinator may sit in its own cell or line next to the date
    // (「令和5年5月31日」 / 「総務部行財政改革推進課」).
    if (preamble.title && !preamble.coordinator && isDivisionName(cell.text.trim())) {
      preamble.coordinator = cell.text.trim();
      continue;
    }
    warn(cell, looksLikeGarbage(cell.text) ? 'warn.garbage' : 'warn.preambleUnplaced');
  }
  return preamble;
}

/** 「~subtitle~「title」」 → title; reports a title the extractor broke. */
function pillarTitle(block: PillarBlock, warn: Warn): string {
  // A long-vowel mark split across cells comes back as 「スマー」+「-ト」.
  const banner = block.banner.replace(/ー[-‐－]/g, 'ー');
  const afterSubtitle = banner.replace(/^.*[~〜～]/su, '').trim();
  const whole = /[「【『]([^」】』]+)[」】』]/u.exec(afterSubtitle);
  if (whole) return joinWrapped(whole[1]!);
  const title = joinWrapped(afterSubtitle.replace(/^[^\p{L}]+/u, '').replace(/[」】』]$/u, ''));
  warn({ text: block.banner, line: block.line }, 'warn.pillarTitleDamaged', { title });
  return title;
}

/** Warnings about lines that are in the plan all the same, repaired or completed. */
const REPAIRED: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'warn.noFiscalYear',
  'warn.pillarNumeral',
  'warn.pillarTitleDamaged',
  'warn.itemFromHeading',
  'warn.itemNoMilestones',
  'warn.itemNoOwners',
  'warn.gluedBullet',
  'warn.unscheduled',
  'warn.notASchedule',
  'warn.ocrFixedDash',
]);

function warningKind(key: MessageKey): ImportWarningKind | undefined {
  if (key.startsWith('import.review.')) return 'review';
  return REPAIRED.has(key) ? 'repaired' : undefined;
}

function fiscalYearFromDate(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/**
 * Parses the PDF-text format of SPEC §2 into a Plan. Lines it cannot place
 * are returned as warnings, never dropped; only a text that holds no plan
 * table at all is an error.
 */
export function parsePdfText(text: string, sourceName: string, lang: Lang = 'ja'): Result<Plan, Problem> {
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 10) {
    return fail({ code: 'binary_file', message: translate(lang, 'import.file.binary', { file: sourceName }) });
  }
  if (text.trim() === '') return fail({ code: 'empty_file', message: translate(lang, 'import.file.empty', { file: sourceName }) });

  const warnings: ImportWarning[] = [];
  const warn: Warn = (cell, key, params) => {
    const kind = warningKind(key);
    warnings.push({ line: cell.line, text: cell.text, reason: translate(lang, key, params), ...(kind ? { kind } : {}) });
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const table = readTable(lines, warn);
  if (!table.hasHeader || table.initiatives.length === 0) {
    return fail({
      code: 'no_plan_table',
      message: translate(lang, 'import.file.noPlanTable', { file: sourceName }),
    });
  }

  const preamble = readPreamble(table.preamble, warn);
  let fiscalYear = preamble.fiscalYear;
  if (fiscalYear === null && preamble.publishedOn) {
    fiscalYear = fiscalYearFromDate(preamble.publishedOn);
    warn({ text: preamble.title, line: table.preamble[0]?.line ?? 1 }, 'warn.noFiscalYear', { year: fiscalYear });
  }
  if (fiscalYear === null) {
    return fail({
      code: 'no_fiscal_year',
      message: translate(lang, 'import.file.noFiscalYear', { file: sourceName, line: table.preamble[0]?.line ?? 1 }),
    });
  }

  const pillars: Pillar[] = table.pillars.map((block, index) => {
    const id = ROMAN[index] ?? String(index + 1);
    if (block.numeral.toUpperCase() !== id) {
      warn({ text: block.numeral, line: block.line }, 'warn.pillarNumeral', { cell: block.numeral, id });
    }
    return { id, title: pillarTitle(block, warn), initiatives: [] };
  });

  for (const block of table.initiatives) {
    const initiative = buildInitiative(block, fiscalYear, warn);
    if (block.pillar < 0 && pillars[0]?.id !== ROMAN[0]) pillars.unshift({ id: ROMAN[0]!, title: preamble.title, initiatives: [] });
    pillars[Math.max(block.pillar, 0)]!.initiatives.push(initiative);
  }

  warnings.sort((a, b) => a.line - b.line);
  return ok({
    version: 1,
    title: preamble.title,
    fiscalYear,
    ...(preamble.publishedOn ? { publishedOn: preamble.publishedOn } : {}),
    ...(preamble.coordinator ? { coordinator: preamble.coordinator } : {}),
    pillars,
    warnings,
  });
}

/**
 * The sheet 進捗管理表: one row per item under a frozen, printed-on-every-page
 * header; the answer columns typed into, 進捗評価 a drop-down of the round's
 * scale coloured by grade. No merged cell below the header, so sorting,
 * filtering and pasting work as people expect.
 */
import type { ProgressRow, ProgressSheet } from '../../app/report/progress-sheet.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { formatEraDate } from '../../i18n/format-date.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { cellText, headerFooterText } from './cell-text.ts';
import { displayWidth, widestLine, wrappedLines } from './display-width.ts';
import type { WorkbookType, Worksheet } from './exceljs.ts';
import { columnLetter, columnNumber, FIRST_DATA_ROW, HEADER_ROW, PROGRESS_COLUMNS, type ProgressColumn } from './progress-columns.ts';
import { BORDER, evaluationFill, FONT, HEADER_FILL, PILLAR_BORDER, SUBTLE_FONT } from './workbook-style.ts';

/** One line of text at the sheet's font size, in points. */
const LINE_HEIGHT = 13.5;

/** The cells of one row, by column, as text. */
export function rowTexts(row: ProgressRow, sheet: ProgressSheet, lang: Lang, t: Translate): string[] {
  return PROGRESS_COLUMNS.map((column) => cellOf(column, row, sheet, lang, t));
}

function cellOf(column: ProgressColumn, row: ProgressRow, sheet: ProgressSheet, lang: Lang, t: Translate): string {
  if (column.month !== undefined) {
    const index = PROGRESS_COLUMNS.filter((c) => c.month !== undefined).indexOf(column);
    return row.months[index] ? t('excel.monthMark') : '';
  }
  switch (column.key) {
    case 'id':
      return row.itemId;
    case 'pillar':
      return `${row.pillar.id} ${row.pillar.title}`;
    case 'initiative':
      return `${row.initiative.id} ${row.initiative.title}`;
    case 'item':
      return row.title;
    case 'owners':
      return row.owners.join('\n');
    case 'plan':
      return row.milestoneLines.join('\n');
    case 'status':
      return [
        ...STATUS_CODES.filter((code) => row.counts[code] > 0).map((code) => t('excel.statusCount', { status: statusLabel(code, lang), count: row.counts[code] })),
        ...(row.returned ? [t('excel.returned')] : []),
      ].join('\n');
    case 'achievement':
    case 'evaluation':
    case 'issues':
    case 'nextSteps':
      return row.fields[column.key];
    case 'updatedOn':
      return row.updatedOn ?? '';
    default:
      return '';
  }
}

/** Column headers, months as `4月`. */
export function headerTexts(t: Translate): string[] {
  return PROGRESS_COLUMNS.map((c) => (c.month === undefined ? t(c.header) : t('excel.col.month', { month: c.month })));
}

/** Adds 進捗管理表 to `workbook`. */
export function writeProgressTable(workbook: WorkbookType, sheet: ProgressSheet, lang: Lang, t: Translate): Worksheet {
  const ws = workbook.addWorksheet(t('excel.sheet.progress'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW - 1}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L${headerFooterText(sheet.planTitle)}&C${headerFooterText(t('excel.asOf', { date: formatEraDate(sheet.asOf, lang) }))}&R${t('excel.footerPage')}`,
    },
  });
  const asOf = t('excel.asOf', { date: formatEraDate(sheet.asOf, lang) });
  ws.getCell('A1').value = cellText(t('excel.title', { plan: sheet.planTitle }));
  ws.getCell('A1').font = { ...FONT, size: 14, bold: true };
  ws.getCell('A2').value = cellText(asOf);
  ws.getCell('A2').font = { ...FONT, size: 12, bold: true };
  ws.getCell('A3').value = cellText(
    sheet.round ? t('excel.roundLine', { round: sheet.round.id, deadline: formatEraDate(sheet.round.deadline, lang) }) : t('excel.noRoundLine'),
  );
  ws.getCell('A3').font = SUBTLE_FONT;

  const months = PROGRESS_COLUMNS.map((c, i) => (c.month !== undefined ? i + 1 : 0)).filter((n) => n > 0);
  const [firstMonth, lastMonth] = [months[0]!, months[months.length - 1]!];
  // The one merged cell: the 工程 label above the month columns, in the header, which nobody edits.
  ws.mergeCells(HEADER_ROW - 1, firstMonth, HEADER_ROW - 1, lastMonth);
  const group = ws.getCell(HEADER_ROW - 1, firstMonth);
  group.value = t('excel.col.schedule');
  group.font = { ...FONT, bold: true };
  group.alignment = { horizontal: 'center' };
  group.fill = HEADER_FILL;
  group.border = BORDER;

  const headers = headerTexts(t);
  headers.forEach((text, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = text;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });

  const texts = sheet.rows.map((row) => rowTexts(row, sheet, lang, t));
  const widths = PROGRESS_COLUMNS.map((column, i) => {
    const widest = Math.max(displayWidth(headers[i]!) + 2, ...texts.map((cells) => widestLine(cells[i]!) + 2));
    return Math.min(column.maxWidth, Math.max(column.minWidth, widest));
  });
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));

  const evaluationColumn = columnNumber('evaluation');
  const codes = sheet.scale.grades.map((g) => g.code);
  texts.forEach((cells, r) => {
    const rowNumber = FIRST_DATA_ROW + r;
    const row = sheet.rows[r]!;
    const startsPillar = r > 0 && sheet.rows[r - 1]!.pillar.id !== row.pillar.id;
    let lines = 1;
    cells.forEach((text, i) => {
      const column = PROGRESS_COLUMNS[i]!;
      const cell = ws.getCell(rowNumber, i + 1);
      cell.value = cellText(text);
      cell.font = column.answer === 'achievement' && !row.answered ? SUBTLE_FONT : FONT;
      cell.border = startsPillar ? { ...BORDER, top: PILLAR_BORDER } : BORDER;
      cell.alignment = { vertical: 'top', wrapText: column.wrap, ...(column.month !== undefined || column.key === 'evaluation' ? { horizontal: 'center' } : {}) };
      // Text format: what a person types into an editable cell stays text, even `=…`.
      if (column.answer || column.planField) cell.numFmt = '@';
      if (column.wrap) lines = Math.max(lines, wrappedLines(text, widths[i]!));
    });
    ws.getRow(rowNumber).height = Math.min(409, lines * LINE_HEIGHT + 4);
    ws.getCell(rowNumber, evaluationColumn).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [evaluationList(codes)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: t('excel.validationTitle'),
      // Excel refuses the file when an input or error message passes 255 characters.
      error: t('excel.validationError', { codes: codes.join(' ') }).slice(0, 225),
      showInputMessage: true,
      promptTitle: t('excel.validationTitle'),
      prompt: t('excel.validationPrompt', { grades: sheet.scale.grades.map((g) => `${g.code} ${g.label}`).join(' / ') }).slice(0, 250),
    };
  });

  const lastRow = Math.max(FIRST_DATA_ROW, FIRST_DATA_ROW + sheet.rows.length - 1);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: PROGRESS_COLUMNS.length } };
  const letter = columnLetter(evaluationColumn);
  ws.addConditionalFormatting({
    ref: `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`,
    rules: codes.map((code, index) => ({
      type: 'cellIs',
      operator: 'equal',
      formulae: [`"${code.replace(/"/gu, '""')}"`],
      priority: index + 1,
      style: { fill: evaluationFill(index, codes.length) },
    })),
  });
  return ws;
}

/**
 * The drop-down's list, inline: `"◎,○,△,×"`. Codes come from the plan's
 * scale setting; a comma or quote in one would break the list, so those
 * are left out of the drop-down (the import still accepts the code).
 */
function evaluationList(codes: readonly string[]): string {
  return `"${codes.filter((c) => !/[,"]/u.test(c)).join(',')}"`;
}

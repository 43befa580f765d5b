/**
 * The sheets beside 進捗管理表: 柱別集計 and 担当課別集計 (counts per
 * evaluation and status, completion rate, change since the previous round),
 * 遅延・注意一覧, 履歴 (every status update) and 報告履歴 (every answer and
 * send-back of the round). Each is one plain table under a title: header
 * frozen and filtered, widths estimated, printed A4 landscape.
 */
import type { ProgressSheet, SummaryRow } from '../../app/report/progress-sheet.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { formatEraDate } from '../../i18n/format-date.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { cellText, headerFooterText } from './cell-text.ts';
import { widestLine, wrappedLines } from './display-width.ts';
import type { WorkbookType } from './exceljs.ts';
import { BORDER, FONT, HEADER_FILL, SUBTLE_FONT } from './workbook-style.ts';

type Value = string | number | null;

interface Column {
  header: string;
  /** Excel number format, e.g. `0.0%`. */
  numFmt?: string;
  maxWidth?: number;
}

interface Table {
  name: string;
  /** Lines above the table (title, date, notes). */
  heading: string[];
  columns: Column[];
  rows: Value[][];
  /** Row labels in bold (a total row). */
  boldRows?: number[];
  empty?: string;
}

const TABLE_HEADER_ROW = 4;
const LINE_HEIGHT = 13.5;

function writeTable(workbook: WorkbookType, table: Table, footer: string): void {
  const ws = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TABLE_HEADER_ROW, topLeftCell: `A${TABLE_HEADER_ROW + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}` },
    headerFooter: { oddFooter: footer },
  });
  table.heading.slice(0, TABLE_HEADER_ROW - 1).forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = cellText(line);
    cell.font = i === 0 ? { ...FONT, size: 12, bold: true } : SUBTLE_FONT;
  });
  const widths = table.columns.map((column, i) => {
    const widest = Math.max(widestLine(column.header) + 2, ...table.rows.map((row) => widestLine(textOf(row[i], column)) + 2));
    return Math.max(6, Math.min(column.maxWidth ?? 40, widest));
  });
  table.columns.forEach((column, i) => {
    ws.getColumn(i + 1).width = widths[i]!;
    const cell = ws.getCell(TABLE_HEADER_ROW, i + 1);
    cell.value = cellText(column.header);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  table.rows.forEach((row, r) => {
    const rowNumber = TABLE_HEADER_ROW + 1 + r;
    let lines = 1;
    row.forEach((value, i) => {
      const column = table.columns[i]!;
      const cell = ws.getCell(rowNumber, i + 1);
      // Numbers stay numbers (they sum and sort); text goes through cellText, never as a formula.
      cell.value = typeof value === 'number' ? value : value === null ? null : cellText(value);
      if (column.numFmt) cell.numFmt = column.numFmt;
      cell.font = table.boldRows?.includes(r) ? { ...FONT, bold: true } : FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, widths[i]!));
    });
    ws.getRow(rowNumber).height = Math.min(409, lines * LINE_HEIGHT + 4);
  });
  if (table.rows.length === 0 && table.empty) ws.getCell(TABLE_HEADER_ROW + 1, 1).value = cellText(table.empty);
  else if (table.rows.length > 0) ws.autoFilter = { from: { row: TABLE_HEADER_ROW, column: 1 }, to: { row: TABLE_HEADER_ROW + table.rows.length, column: table.columns.length } };
}

function textOf(value: Value | undefined, column: Column): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return column.numFmt?.includes('%') ? '100.0%' : String(value);
  return value;
}

/** Adds every sheet but 進捗管理表. */
export function writeListSheets(workbook: WorkbookType, sheet: ProgressSheet, lang: Lang, t: Translate): void {
  const asOf = t('excel.asOf', { date: formatEraDate(sheet.asOf, lang) });
  const footer = `&L${headerFooterText(sheet.planTitle)}&C${headerFooterText(asOf)}&R${t('excel.footerPage')}`;
  const previous = sheet.previousRound ? t('excel.previousLine', { date: formatEraDate(sheet.previousRound.asOf, lang) }) : t('excel.noPreviousLine');
  const heading = (name: MessageKey, ...more: string[]) => [`${t(name)} — ${asOf}`, ...more];

  for (const [name, labelKey, rows] of [
    ['excel.sheet.pillars', 'excel.sum.pillar', sheet.pillars],
    ['excel.sheet.divisions', 'excel.sum.division', sheet.divisions],
  ] as const) {
    const all = [...rows, { ...sheet.total, label: t('excel.sum.total') }];
    writeTable(
      workbook,
      {
        name: t(name),
        heading: heading(name, previous, t('excel.sum.note')),
        columns: summaryColumns(sheet, lang, t, t(labelKey)),
        rows: all.map((row) => summaryValues(row, sheet)),
        boldRows: [all.length - 1],
      },
      footer,
    );
  }

  writeTable(
    workbook,
    {
      name: t('excel.sheet.attention'),
      heading: heading('excel.sheet.attention'),
      columns: [
        { header: t('excel.att.milestone') },
        { header: t('excel.col.id') },
        { header: t('excel.col.item'), maxWidth: 30 },
        { header: t('excel.att.title'), maxWidth: 40 },
        { header: t('excel.att.checkpoint') },
        { header: t('excel.col.owners'), maxWidth: 18 },
        { header: t('excel.att.due') },
        { header: t('excel.att.status') },
        { header: t('excel.att.days'), numFmt: '0' },
        { header: t('excel.att.comment'), maxWidth: 40 },
      ],
      rows: sheet.attention.map((a) => [
        a.milestoneId,
        a.itemId,
        a.itemTitle,
        a.milestoneTitle,
        a.checkpoint ?? '',
        a.owners.join('\n'),
        a.due ?? '',
        statusLabel(a.status, lang),
        a.daysOverdue,
        a.comment,
      ]),
      empty: t('excel.att.none'),
    },
    footer,
  );

  writeTable(
    workbook,
    {
      name: t('excel.sheet.history'),
      heading: heading('excel.sheet.history'),
      columns: [
        { header: t('excel.hist.at') },
        { header: t('excel.att.milestone') },
        { header: t('excel.att.title'), maxWidth: 40 },
        { header: t('excel.att.checkpoint') },
        { header: t('excel.att.status') },
        { header: t('excel.hist.comment'), maxWidth: 50 },
        { header: t('excel.hist.revisedDue') },
        { header: t('excel.hist.actor') },
        { header: t('excel.hist.via') },
      ],
      rows: sheet.history.map((h) => [h.at, h.milestoneId, h.milestoneTitle, h.checkpoint ?? '', statusLabel(h.status, lang), h.comment, h.revisedDue ?? '', h.actor, h.via]),
    },
    footer,
  );

  if (sheet.round) {
    writeTable(
      workbook,
      {
        name: t('excel.sheet.reportHistory'),
        heading: heading('excel.sheet.reportHistory', t('excel.roundLine', { round: sheet.round.id, deadline: formatEraDate(sheet.round.deadline, lang) })),
        columns: [
          { header: t('excel.hist.at') },
          { header: t('excel.col.id') },
          { header: t('excel.col.owners'), maxWidth: 18 },
          { header: t('excel.hist.kind') },
          { header: t('excel.col.evaluation') },
          { header: t('excel.col.achievement'), maxWidth: 40 },
          { header: t('excel.col.issues'), maxWidth: 30 },
          { header: t('excel.col.nextSteps'), maxWidth: 30 },
          { header: t('excel.hist.comment'), maxWidth: 30 },
          { header: t('excel.hist.actor') },
          { header: t('excel.hist.via') },
        ],
        rows: sheet.reportHistory.map((e) => [
          e.at,
          e.itemId,
          e.division,
          t(e.kind === 'answer' ? 'excel.hist.answer' : 'excel.hist.returned'),
          e.fields?.evaluation ?? '',
          e.fields?.achievement ?? '',
          e.fields?.issues ?? '',
          e.fields?.nextSteps ?? '',
          e.comment,
          e.actor,
          e.via,
        ]),
      },
      footer,
    );
  }
}

function summaryColumns(sheet: ProgressSheet, lang: Lang, t: Translate, label: string): Column[] {
  return [
    { header: label, maxWidth: 30 },
    { header: t('excel.sum.items'), numFmt: '0' },
    ...sheet.scale.grades.map((g) => ({ header: `${g.code} ${g.label}`, numFmt: '0' })),
    { header: t('excel.sum.unanswered'), numFmt: '0' },
    ...STATUS_CODES.map((code) => ({ header: statusLabel(code, lang), numFmt: '0' })),
    { header: t('excel.sum.units'), numFmt: '0' },
    { header: t('excel.sum.rate'), numFmt: '0.0%' },
    { header: t('excel.sum.overdue'), numFmt: '0' },
    { header: t('excel.sum.previousRate'), numFmt: '0.0%' },
    { header: t('excel.sum.rateChange'), numFmt: '+0.0%;-0.0%;0.0%' },
    { header: t('excel.sum.doneChange'), numFmt: '+0;-0;0' },
    { header: t('excel.sum.overdueChange'), numFmt: '+0;-0;0' },
  ];
}

function summaryValues(row: SummaryRow, sheet: ProgressSheet): Value[] {
  const prev = row.previous;
  return [
    row.label,
    row.items,
    ...sheet.scale.grades.map((g) => row.evaluations[g.code] ?? 0),
    row.unanswered,
    ...STATUS_CODES.map((code) => row.counts[code]),
    row.total,
    row.completionRate,
    row.overdue,
    prev ? prev.completionRate : null,
    prev && prev.completionRate !== null && row.completionRate !== null ? row.completionRate - prev.completionRate : null,
    prev ? row.done - prev.done : null,
    prev ? row.overdue - prev.overdue : null,
  ];
}

/**
 * Output of a benchmark: a plain-text table on stdout and the same numbers as
 * JSON in scripts/bench/results/<name>.json, with the machine they ran on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineInfo, type MachineInfo } from './machine.ts';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export type Cell = string | number | boolean | null;

/** Formats rows as an aligned table; numbers right-aligned, the rest left-aligned. */
export function formatTable(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (cell: Cell) => (cell === null ? '–' : typeof cell === 'number' ? formatNumber(cell) : String(cell));
  const cells = rows.map((row) => row.map(text));
  const widths = columns.map((column, i) => Math.max(width(column), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (values: readonly string[], numeric: (i: number) => boolean) =>
    values.map((value, i) => (numeric(i) ? pad(value, widths[i]!, 'left') : pad(value, widths[i]!, 'right'))).join('  ').trimEnd();
  const isNumeric = (i: number) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || row[i] === null);
  return [line(columns, isNumeric), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((row) => line(row, isNumeric))].join('\n');
}

/** Writes `results/<name>.json` with the machine info; returns the path. */
export function writeResult(name: string, data: Record<string, unknown>, machine: MachineInfo = machineInfo()): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.json`;
  writeFileSync(path, `${JSON.stringify({ benchmark: name, machine, ...data }, null, 2)}\n`);
  return path;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Display width: East Asian wide characters count twice. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'left' ? fill + text : text + fill;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

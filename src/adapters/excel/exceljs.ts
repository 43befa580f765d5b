/**
 * The one place exceljs is imported (issue 15 §2: the library wrapped in one
 * module of ours). Everything else in src/adapters/excel/ takes the
 * workbook, sheet and cell types from here, so a change of library, or of
 * its version's quirks, is met in this folder alone.
 */
import ExcelJS from 'exceljs';

export const { Workbook } = ExcelJS;
export type { Workbook as WorkbookType, Worksheet, Cell, Row, Fill, Font, Borders } from 'exceljs';

/** A new, empty workbook. */
export function createWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

/** Reads an .xlsx file's bytes. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer; a Uint8Array view of the bytes is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

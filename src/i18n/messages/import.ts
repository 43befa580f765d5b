// Messages for the importer's review report: the 「要確認」 notes on
// milestones whose item or owners a fallback rule decided, and the report's
// sections.
import type { Message, Params } from '../message.ts';

export const ja = {
  'import.review.rowWithoutHeading': (p: Params) =>
    `年次計画の欄に見出しがありません。${p.line} 行目で取組項目と担当課の欄が始めた「${p.item}」に割り当てました`,
  'import.review.ownerRowWithoutHeading': (p: Params) =>
    `年次計画の欄に見出しがありません。${p.line} 行目の担当課の欄が見出しで始めた「${p.item}」に割り当てました`,
  'import.review.onlyItem': (p: Params) => `年次計画の見出しより前の行です。取組項目が一つだけなので「${p.item}」に割り当てました`,
  'import.review.headingUnmatched': (p: Params) =>
    `見出しに当たる取組項目が取組項目の欄にありません。見出しから作った「${p.item}」に割り当てました`,
  'import.review.afterOtherItem': (p: Params) =>
    `${p.line} 行目で取組項目「${p.other}」が始まった後の行ですが、見出しに従って「${p.item}」に割り当てました`,
  'import.review.ownersOfInitiative': (p: Params) =>
    `「${p.item}」の担当課の見出しがないため、取組全体の担当課(${p.owners})を当てました`,
  'import.review.ownersFromNextRow': (p: Params) =>
    `「${p.item}」の担当課(${p.owners})は、見出しの行ではなく ${p.line} 行目の先頭から取りました`,
  'import.report.dropped': (p: Params) => `取り込まなかった行 ${p.count} 件 (文字化け・フッター・断片など。計画には入っていません):`,
  'import.report.repaired': (p: Params) => `直して取り込んだ行 ${p.count} 件 (計画に入っています。読み替えと補った点を確認してください):`,
  'import.report.review': (p: Params) =>
    `要確認 ${p.count} 件 (取組項目か担当課を推定で決めた年次計画の行です。この行だけ原本と照らしてください):`,
  'import.report.reviewLine': (p: Params) => `  要確認 ${p.line}行目 ${p.id} ${p.text}\n      → ${p.reason}`,
  'import.diff.pillar': (p: Params) => `  ~ 柱 ${p.id}: 「${p.before}」 → 「${p.after}」`,
  'import.diff.initiative': (p: Params) => `  ~ 具体的取組 ${p.id}: 「${p.before}」 → 「${p.after}」`,
  'import.diff.item': (p: Params) => `  ~ 取組項目 ${p.id}: 「${p.before}」 → 「${p.after}」`,
  'import.diff.itemOwners': (p: Params) => `  ~ 取組項目 ${p.id} ${p.title} の担当課: ${p.before} → ${p.after}`,
  'import.diff.itemAdded': (p: Params) => `  + 取組項目 ${p.id} ${p.title}`,
  'import.diff.itemRemoved': (p: Params) => `  - 取組項目 ${p.id} ${p.title}`,
  'import.diff.structureHeader': (p: Params) => `柱・具体的取組・取組項目の名称と担当課の変更 ${p.count} 件:`,
  'import.file.empty': (p: Params) => `${p.file}: ファイルが空です (計画の PDF テキストか計画ファイル YAML/JSON を指定してください)`,
  'import.file.binary': (p: Params) =>
    `${p.file}: テキストファイルではありません (読める文字コードは UTF-8・UTF-16 (BOM 付き)・Shift_JIS です。PDF や Excel のファイルはテキストに書き出してから取り込んでください)`,
  'import.file.noPlanTable': (p: Params) =>
    `${p.file}: 計画の表が見つかりません (「番号 … 年次計画 … 担当課」の見出し行と、番号の付いた具体的取組が必要です)`,
  'import.file.noFiscalYear': (p: Params) => `${p.file}:${p.line}: 表題に年度 (令和N年度) がなく、公表日もありません`,
  'import.report.encoding': (p: Params) => `文字コード: ${p.encoding}`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'import.review.rowWithoutHeading': (p) =>
    `no heading in the annual-plan column; assigned to "${p.item}", which the item and owner columns open on line ${p.line}`,
  'import.review.ownerRowWithoutHeading': (p) =>
    `no heading in the annual-plan column; assigned to "${p.item}", whose owner heading opens line ${p.line}`,
  'import.review.onlyItem': (p) => `above the first annual-plan heading; assigned to "${p.item}", the only item`,
  'import.review.headingUnmatched': (p) => `the heading matches no item of the item column; assigned to "${p.item}", made from the heading`,
  'import.review.afterOtherItem': (p) =>
    `after line ${p.line}, where item "${p.other}" begins, but assigned to "${p.item}" by its heading`,
  'import.review.ownersOfInitiative': (p) => `no owner heading for "${p.item}"; gave it the initiative's owners (${p.owners})`,
  'import.review.ownersFromNextRow': (p) =>
    `the owners of "${p.item}" (${p.owners}) come from the start of line ${p.line}, not from the heading's row`,
  'import.report.dropped': (p) => `${p.count} lines not imported (garbage, footers, fragments; not in the plan):`,
  'import.report.repaired': (p) => `${p.count} lines repaired and imported (in the plan; check what was read or filled in):`,
  'import.report.review': (p) =>
    `${p.count} to check (要確認): plan lines whose item or owners were inferred; compare just these with the original:`,
  'import.report.reviewLine': (p) => `  check line ${p.line} ${p.id} ${p.text}\n      → ${p.reason}`,
  'import.diff.pillar': (p) => `  ~ pillar ${p.id}: "${p.before}" → "${p.after}"`,
  'import.diff.initiative': (p) => `  ~ initiative ${p.id}: "${p.before}" → "${p.after}"`,
  'import.diff.item': (p) => `  ~ item ${p.id}: "${p.before}" → "${p.after}"`,
  'import.diff.itemOwners': (p) => `  ~ owners of item ${p.id} ${p.title}: ${p.before} → ${p.after}`,
  'import.diff.itemAdded': (p) => `  + item ${p.id} ${p.title}`,
  'import.diff.itemRemoved': (p) => `  - item ${p.id} ${p.title}`,
  'import.diff.structureHeader': (p) => `${p.count} changes to pillar, initiative and item titles and owners:`,
  'import.file.empty': (p) => `${p.file}: the file is empty (give the plan's PDF text or a plan file, YAML or JSON)`,
  'import.file.binary': (p) =>
    `${p.file}: not a text file (readable encodings are UTF-8, UTF-16 with BOM and Shift_JIS; export a PDF or Excel file to text first)`,
  'import.file.noPlanTable': (p) => `${p.file}: no plan table found (expected a header row 番号 … 年次計画 … 担当課 and numbered initiatives)`,
  'import.file.noFiscalYear': (p) => `${p.file}:${p.line}: no fiscal year (令和N年度) in the title and no publication date`,
  'import.report.encoding': (p) => `Encoding: ${p.encoding}`,
};

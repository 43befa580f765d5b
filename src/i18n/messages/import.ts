// Messages for the importer's review report: the 「要確認」 notes on
// milestones whose item or owners a fallback rule decided, and the report's
// sections.
import type { Message, Params } from '../message.ts';

export const ja = {
  'import.review.rowWithoutHeading': (p: Params) =>
    `年次計画の欄に見出しがありません。${p.line} 行目で取組項目と担当課の欄が始めた「${p.item}」に割り当てました`,
  'import.review.onlyItem': (p: Params) => `年次計画の見出しより前の行です。取組項目が一つだけなので「${p.item}」に割り当てました`,
  'import.review.headingUnmatched': (p: Params) =>
    `見出しに当たる取組項目が取組項目の欄にありません。見出しから作った「${p.item}」に割り当てました`,
  'import.review.afterOtherItem': (p: Params) =>
    `${p.line} 行目で取組項目「${p.other}」が始まった後の行ですが、見出しに従って「${p.item}」に割り当てました`,
  'import.review.ownersOfInitiative': (p: Params) =>
    `「${p.item}」の担当課の見出しがないため、取組全体の担当課(${p.owners})を当てました`,
  'import.review.ownersFromNextRow': (p: Params) =>
    `「${p.item}」の担当課(${p.owners})は、見出しの行ではなく ${p.line} 行目の先頭から取りました`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'import.review.rowWithoutHeading': (p) =>
    `no heading in the annual-plan column; assigned to "${p.item}", which the item and owner columns open on line ${p.line}`,
  'import.review.onlyItem': (p) => `above the first annual-plan heading; assigned to "${p.item}", the only item`,
  'import.review.headingUnmatched': (p) => `the heading matches no item of the item column; assigned to "${p.item}", made from the heading`,
  'import.review.afterOtherItem': (p) =>
    `after line ${p.line}, where item "${p.other}" begins, but assigned to "${p.item}" by its heading`,
  'import.review.ownersOfInitiative': (p) => `no owner heading for "${p.item}"; gave it the initiative's owners (${p.owners})`,
  'import.review.ownersFromNextRow': (p) =>
    `the owners of "${p.item}" (${p.owners}) come from the start of line ${p.line}, not from the heading's row`,
};

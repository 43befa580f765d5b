/**
 * Folds the width and spacing variants that PDF extraction and hand typing
 * produce (`１０ 月`, `令 和 2 年 度`) into one form, so parsers match one
 * spelling. NFKC turns full-width digits, letters and `～` into ASCII.
 */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

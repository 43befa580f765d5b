import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePdfText } from '../../src/import/pdf-text/parse.ts';
import { parsePlanDocument } from '../../src/import/plan-file.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the bundled FY2020 plan', () => {
  // The seed lives in ../shared beside a checkout; the repository carries its own copy.
  const seed = new URL('../../../shared/seeds/000_128ba0f258985d6a.txt', import.meta.url);
  it.skipIf(!existsSync(seed))('ships the seed text unchanged', () => {
    expect(read('../../config/plans/fy2020-mie.txt')).toBe(read('../../../shared/seeds/000_128ba0f258985d6a.txt'));
  });

  it('is the import of that text plus exactly the hand corrections its header lists', () => {
    const imported = parsePdfText(read('../../config/plans/fy2020-mie.txt'), 'fy2020-mie.txt');
    const reviewed = parsePlanDocument(read('../../config/plans/fy2020-mie.yaml'), 'yaml', 'fy2020-mie.yaml');
    expect(imported.ok && reviewed.ok).toBe(true);
    if (!imported.ok || !reviewed.ok) return;

    const corrected = structuredClone(imported.value);
    corrected.pillars[1]!.title = 'コンプライアンスの推進';
    for (const item of corrected.pillars.flatMap((p) => p.initiatives).flatMap((i) => i.items)) {
      for (const m of item.milestones) m.title = m.title.replace('MIE職員カアワード', 'MIE職員力アワード').replaceAll('AIーOCR', 'AI-OCR');
    }
    expect(reviewed.value).toEqual(corrected);
  });
});

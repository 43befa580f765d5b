// A property of the importer on plans it has never seen: for plans generated
// in the seed's extraction style (see generate-plan-text.ts), every milestone
// lands under its item with its owners and schedule, and OCR garbage, footers
// and fragments only ever reach the warnings. Seeded: a failure names its
// seed, and `generatePlanText(seed).text` replays it.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan.ts';
import { parsePdfText } from '../../../src/import/pdf-text/parse.ts';
import { generatePlanText, type CanonicalPillar } from './generate-plan-text.ts';
import { planTexts } from './helpers.ts';

const SEEDS = 300;
const nfkc = (text: string) => text.normalize('NFKC');

/** The tree as the canonical plan states it: titles, owners, milestones with schedules as written. */
const expectedTree = (pillars: CanonicalPillar[]) =>
  pillars.map((p) => ({
    title: p.title,
    initiatives: p.initiatives.map((i) => ({
      title: i.title,
      items: i.items.map((it) => ({
        title: it.title,
        owners: it.owners,
        milestones: it.milestones.map((m) => `${m.title} (${nfkc(m.scheduleText)})`),
      })),
    })),
  }));

const importedTree = (plan: Plan) =>
  plan.pillars.map((p) => ({
    title: p.title,
    initiatives: p.initiatives.map((i) => ({
      title: i.title,
      items: i.items.map((it) => ({
        title: it.title,
        owners: it.owners,
        milestones: it.milestones.map((m) => `${m.title} (${nfkc(m.scheduleText ?? 'none')})`),
      })),
    })),
  }));

describe(`${SEEDS} generated plans in the seed's extraction style`, () => {
  // A few seconds alone; the generous timeout is for a machine busy with other suites.
  it('import every milestone under its item, with its owners and schedule; garbage only in warnings', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const generated = generatePlanText(seed);
      const result = parsePdfText(generated.text, `generated-${seed}.txt`);
      if (!result.ok) throw new Error(`seed ${seed}: ${result.error.message}`);
      const plan = result.value;
      expect(plan.fiscalYear, `seed ${seed}`).toBe(generated.fiscalYear);
      expect(importedTree(plan), `seed ${seed}`).toEqual(expectedTree(generated.pillars));
      const texts = planTexts(plan);
      for (const garbage of generated.garbage) {
        expect(texts.filter((t) => t.includes(garbage)), `seed ${seed}: ${garbage}`).toEqual([]);
      }
      // Every warning names a line of the text.
      const lines = generated.text.split('\n').length;
      expect(plan.warnings.filter((w) => w.line < 1 || w.line > lines), `seed ${seed}`).toEqual([]);
    }
  });

  it('are generated with the damage they are meant to have', () => {
    const texts = Array.from({ length: SEEDS }, (_, i) => generatePlanText(i + 1).text);
    const some = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
    // Page breaks with a new header, footers, garbage, each heading style, full-width schedules,
    // rows whose trailing cells were dropped (a plan cell ends the line).
    expect(some(/\n番号[^\n]*\n(.|\n)*\n番号/)).toBeGreaterThan(SEEDS / 4);
    expect(some(/秘伤印|####|伤别连/)).toBeGreaterThan(SEEDS / 2);
    for (const open of ['<', '〈', 'く', '＜', '《']) expect(some(new RegExp(`\t${open}`)), open).toBeGreaterThan(10);
    expect(some(/[０-９]月/)).toBeGreaterThan(SEEDS / 4);
    expect(some(/\t・[^\t\n]*\)\n/)).toBeGreaterThan(SEEDS / 4);
  });
});

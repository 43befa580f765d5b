// The seed, perturbed: every damage the generator makes, applied to each row
// of the real text (config/plans/fy2020-mie.txt). Each mutant must import
// identically, or say so: a milestone that lands elsewhere is named by a
// 要確認 note or a warning, and one that is lost leaves a warning on a line
// the mutation touched — never a silent misassignment.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listMilestones, type Plan } from '../../../src/domain/plan.ts';
import { parsePdfText } from '../../../src/import/pdf-text/parse.ts';

const SEED = readFileSync(new URL('../../../config/plans/fy2020-mie.txt', import.meta.url), 'utf8');
const LINES = SEED.split('\n');

interface Mutant {
  name: string;
  text: string;
  /** 1-based lines of the mutant that the mutation wrote. */
  touched: number[];
}

const HEADING = /<[^<>]+>|〈[^〈〉]+〉|く[^<>]{2,80}?>/u;

/** Table rows: lines after the first header with at least four cells, and no header themselves. */
const ROWS = LINES.map((line, index) => ({ line, index })).filter(
  ({ line, index }) => index > LINES.findIndex((l) => l.startsWith('番号')) && line.split('\t').length >= 4 && !line.startsWith('番号'),
);

function replaced(index: number, lines: string[]): string {
  return [...LINES.slice(0, index), ...lines, ...LINES.slice(index + 1)].join('\n');
}

/** Every mutant of the seed: each kind of damage on each row where it applies. */
function mutants(): Mutant[] {
  const out: Mutant[] = [];
  for (const { line, index } of ROWS) {
    const n = index + 1;
    const cells = line.split('\t');
    const plan = cells.length - 2;
    const owner = cells.length - 1;
    const blank = () => cells.map(() => '');
    const withCells = (change: (c: string[]) => void) => {
      const c = [...cells];
      change(c);
      return c.join('\t');
    };

    if (/\t+$/.test(line)) out.push({ name: `line ${n}: trailing empty cells dropped`, text: replaced(index, [line.replace(/\t+$/, '')]), touched: [n] });

    const bullets = [...(cells[plan] ?? '').matchAll(/\s・/gu)].map((m) => m.index);
    if (bullets.length > 0) {
      const at = bullets[Math.floor(bullets.length / 2)]!;
      const next = blank();
      next[plan] = cells[plan]!.slice(at).trim();
      out.push({
        name: `line ${n}: plan cell wrapped onto a new row`,
        text: replaced(index, [withCells((c) => (c[plan] = c[plan]!.slice(0, at))), next.join('\t')]),
        touched: [n, n + 1],
      });
    }

    out.push({
      name: `line ${n}: page break with shifted columns before the row`,
      text: replaced(index, ['- 9 -', '', '番号\t具体的取組\t取組項目\t工程表\t\t\t\t\t年次計画\t担当課', line]),
      touched: [n, n + 1, n + 2, n + 3],
    });

    if ((cells[owner] ?? '').trim() === '') {
      out.push({ name: `line ${n}: footer in the owner column`, text: replaced(index, [withCells((c) => (c[owner] = '1 - 37-999'))]), touched: [n] });
    } else {
      out.push({ name: `line ${n}: garbage after the owners`, text: replaced(index, [withCells((c) => (c[owner] += ' 伤别连'))]), touched: [n] });
    }

    const garbageRow = blank();
    garbageRow[plan] = '秘伤印11别以以早在连床';
    out.push({ name: `line ${n}: a row of OCR garbage after it`, text: replaced(index, [line, garbageRow.join('\t')]), touched: [n + 1] });

    out.push({ name: `line ${n}: garbage in a roadmap cell`, text: replaced(index, [withCells((c) => (c[3] = '夫 爬'))]), touched: [n] });

    if (HEADING.test(cells[plan] ?? '')) {
      out.push({
        name: `line ${n}: the plan cell's first heading lost to OCR`,
        text: replaced(index, [withCells((c) => (c[plan] = c[plan]!.replace(HEADING, '秘伤印')))]),
        touched: [n],
      });
      out.push({
        name: `line ${n}: headings written 〈…〉`,
        text: replaced(index, [line.replace(/<([^<>/]+)>/gu, '〈$1〉')]),
        touched: [n],
      });
    }
  }
  return out;
}

/** Where each milestone sits: item title and owners, by title and schedule. */
function placements(plan: Plan): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { milestone, item, owners } of listMilestones(plan)) {
    const key = `${milestone.title} (${milestone.scheduleText ?? '-'})`;
    map.set(key, [...(map.get(key) ?? []), `${item.title} / ${owners.join('、')}`].sort());
  }
  return map;
}

const parsed = new Map<string, Plan>();

function parse(text: string, name: string): Plan {
  const cached = parsed.get(text);
  if (cached) return cached;
  const result = parsePdfText(text, name);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  parsed.set(text, result.value);
  return result.value;
}

describe('the seed under every perturbation the generator makes', () => {
  const original = parse(SEED, 'seed');
  const before = placements(original);
  const all = mutants();

  it('has mutants of every kind', () => {
    const kinds = new Set(all.map((m) => m.name.replace(/^line \d+: /, '')));
    expect(kinds.size).toBe(9);
    expect(all.length).toBeGreaterThan(120);
  });

  // A few seconds alone; the generous timeouts are for a machine busy with other suites.
  it('imports each mutant identically, or names every change: no silent misassignment', { timeout: 60_000 }, () => {
    const silent: string[] = [];
    for (const mutant of all) {
      const plan = parse(mutant.text, mutant.name);
      const after = placements(plan);
      const flagged = (title: string) => plan.warnings.some((w) => w.text === title || w.text.startsWith(title));
      const touched = plan.warnings.some((w) => mutant.touched.includes(w.line));
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(key) ?? [];
        const is = after.get(key) ?? [];
        if (JSON.stringify(was) === JSON.stringify(is)) continue;
        const title = key.replace(/ \([^()]*\)$/, '');
        // Placed elsewhere: the milestone itself must be named. Lost or new: the damage must be.
        const moved = was.length > 0 && is.length > 0;
        if (moved ? !flagged(title) : !touched) silent.push(`${mutant.name}: ${key}: ${was.join(' | ')} → ${is.join(' | ')}`);
      }
    }
    expect(silent).toEqual([]);
  });

  it('imports the harmless ones identically: dropped empty cells, other heading brackets, roadmap garbage', { timeout: 60_000 }, () => {
    const harmless = all.filter((m) => /trailing empty cells|headings written|roadmap cell|page break/.test(m.name));
    for (const mutant of harmless) {
      expect(placements(parse(mutant.text, mutant.name)), mutant.name).toEqual(before);
    }
  });
});

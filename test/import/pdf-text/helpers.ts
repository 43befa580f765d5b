// Shared helpers for the PDF-text importer tests.
import { readFileSync } from 'node:fs';
import type { ImportWarning, Item, Milestone, Plan, Schedule } from '../../../src/domain/plan.ts';
import { translate, type MessageKey } from '../../../src/i18n/catalog.ts';
import { parsePdfText } from '../../../src/import/pdf-text/parse.ts';

/** Parses a text that must hold a plan; throws with the problem otherwise. */
export function parseOk(text: string, source = 'test.txt'): Plan {
  const result = parsePdfText(text, source);
  if (!result.ok) throw new Error(`expected a plan: ${result.error.message}`);
  return result.value;
}

/** Reads and parses a fixture of test/fixtures/pdf-text. */
export function parseFixture(name: string): { text: string; plan: Plan } {
  const text = readFileSync(new URL(`../../fixtures/pdf-text/${name}`, import.meta.url), 'utf8');
  return { text, plan: parseOk(text, name) };
}

/** Builds a PDF-text document from rows of cells, one tab-separated line each. */
export function tsv(rows: string[][]): string {
  return rows.map((cells) => cells.join('\t')).join('\n') + '\n';
}

/** A compact, explicit rendering of a schedule for tables in tests. */
export function show(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'range':
      return `range ${schedule.start}..${schedule.end}`;
    case 'months':
      return `months ${schedule.months.join(',')}`;
    case 'from':
      return `from ${schedule.start}`;
    case 'timesPerYear':
      return `timesPerYear ${schedule.times}`;
    default:
      return schedule.kind;
  }
}

export const allItems = (plan: Plan): Item[] =>
  plan.pillars.flatMap((p) => p.initiatives.flatMap((i) => i.items));

export const allMilestones = (plan: Plan): Milestone[] => allItems(plan).flatMap((item) => item.milestones);

export function item(plan: Plan, id: string): Item {
  const found = allItems(plan).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}; items: ${allItems(plan).map((i) => `${i.id} ${i.title}`).join(' / ')}`);
  return found;
}

export function milestone(plan: Plan, id: string): Milestone {
  const found = allMilestones(plan).find((m) => m.id === id);
  if (!found) throw new Error(`no milestone ${id}`);
  return found;
}

/** The Japanese reason text of a warning key, as the importer writes it by default. */
export const reason = (key: MessageKey, params?: Record<string, string | number>): string =>
  translate('ja', key, params);

/** Warnings with the given reason key (any params). */
export function warningsOf(plan: Plan, key: MessageKey, params?: Record<string, string | number>): ImportWarning[] {
  return plan.warnings.filter((w) => w.reason === reason(key, params));
}

/** Every text the plan shows a user: titles of all levels, owners, groups, schedule texts. */
export function planTexts(plan: Plan): string[] {
  const texts = [plan.title, plan.coordinator ?? ''];
  for (const pillar of plan.pillars) {
    texts.push(pillar.title);
    for (const initiative of pillar.initiatives) {
      texts.push(initiative.title);
      for (const it of initiative.items) {
        texts.push(it.title, ...it.owners);
        for (const m of it.milestones) texts.push(m.title, m.group ?? '', m.scheduleText ?? '', ...(m.owners ?? []));
      }
    }
  }
  return texts;
}

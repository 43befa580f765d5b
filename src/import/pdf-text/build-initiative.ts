// Puts one initiative together from its four columns: items from the item
// column, milestones from the plan column's sections, owners from the owner
// column, matched to each other by heading.
import type { Initiative, Item, Milestone } from '../../domain/plan.ts';
import { similarity } from '../../domain/similarity.ts';
import type { InitiativeBlock, Warn } from './rows.ts';
import { readPlanColumn, type PlanSection } from './plan-column.ts';
import { readOwnerColumn } from './owner-column.ts';
import { readItemColumn } from './item-column.ts';
import { joinWrapped, matchKey } from './text.ts';

interface DraftItem {
  title: string;
  key: string;
  line: number;
  sections: PlanSection[];
  owners: string[];
}

/** Titles this close are the same heading read twice with small OCR damage. */
const SAME_TITLE = 0.75;

function findItem(items: DraftItem[], title: string): number {
  const key = matchKey(title);
  const exact = items.findIndex((item) => item.key === key);
  if (exact >= 0) return exact;
  let best = -1;
  let bestScore = SAME_TITLE;
  items.forEach((item, index) => {
    const score = similarity(item.key, key);
    if (score >= bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

// ① …, (1) …, 1. … — digits may be full-width (（１）).
const CIRCLED = /^[\u2460-\u2473\u3251-\u325F]|^[(（][\d０-９]+[)）]|^[\d０-９]+[.．]/u;

/** Builds one initiative; every loose end becomes a warning. */
export function buildInitiative(block: InitiativeBlock, fiscalYear: number, warn: Warn): Initiative {
  const title = block.titleCells.map((c) => joinWrapped(c.text)).join('').replace(CIRCLED, '').trim();
  const sections = readPlanColumn(block.planCells, fiscalYear, warn);
  const owners = readOwnerColumn(block.ownerCells, warn);

  const headings: DraftItem[] = [...sections.flatMap((s) => (s.heading ? [s.heading] : [])), ...owners.headings.map((h) => h.heading)].map(
    (heading) => ({ title: heading, key: matchKey(heading), line: 0, sections: [], owners: [] }),
  );
  const score = (text: string) => Math.max(0, ...headings.map((h) => similarity(h.key, matchKey(text))));

  const items: DraftItem[] = readItemColumn(block.itemCells, score, warn).map((d) => ({
    title: d.title,
    key: matchKey(d.title),
    line: d.line,
    sections: [],
    owners: [],
  }));

  // Headings the item column lacks are items the extractor lost there; they
  // go after the item their predecessor heading matched, keeping plan order.
  const attach = (title: string, line: number, column: string, add: (item: DraftItem) => void) => {
    let index = findItem(items, title);
    if (index < 0) {
      index = Math.min(lastIndex + 1, items.length);
      items.splice(index, 0, { title, key: matchKey(title), line, sections: [], owners: [] });
      warn({ text: title, line }, 'warn.itemFromHeading', { title, column });
    }
    lastIndex = index;
    add(items[index]!);
  };
  let lastIndex = -1;
  for (const section of sections) {
    if (section.heading) attach(section.heading, section.line, '年次計画', (item) => item.sections.push(section));
  }
  lastIndex = -1;
  for (const heading of owners.headings) {
    attach(heading.heading, heading.line, '担当課', (item) => {
      for (const owner of heading.owners) if (!item.owners.includes(owner)) item.owners.push(owner);
    });
  }

  const preface = sections.find((s) => s.heading === null);
  if (preface && preface.milestones.length > 0) {
    // Lines above the first heading can only be placed when there is one item.
    if (items.length === 1) items[0]!.sections.unshift(preface);
    else for (const m of preface.milestones) warn({ text: m.title, line: m.line }, 'warn.textBeforeHeading');
  }

  const builtItems: Item[] = items.map((draft, index) => {
    const id = `${block.number}-${index + 1}`;
    const itemOwners = draft.owners.length > 0 ? draft.owners : [...owners.initiativeOwners];
    const milestones: Milestone[] = draft.sections
      .flatMap((s) => s.milestones)
      .map((m, n) => ({
        id: `${id}-${n + 1}`,
        title: m.title,
        ...(m.scheduleText !== undefined ? { scheduleText: m.scheduleText } : {}),
        schedule: m.schedule,
        ...(m.group !== undefined ? { group: m.group } : {}),
      }));
    const line = draft.line || block.line;
    if (itemOwners.length === 0) warn({ text: draft.title, line }, 'warn.itemNoOwners', { title: draft.title });
    if (milestones.length === 0) warn({ text: draft.title, line }, 'warn.itemNoMilestones', { title: draft.title });
    return { id, title: draft.title, owners: itemOwners, milestones };
  });

  return { id: block.number, title, items: builtItems };
}

// Puts one initiative together from its four columns: items from the item
// column, milestones from the plan column's sections, owners from the owner
// column, matched to each other by heading.
import type { Initiative, Item, Milestone } from '../../domain/plan.ts';
import { similarity } from '../../domain/similarity.ts';
import type { InitiativeBlock, Warn } from './rows.ts';
import { readPlanColumn, type DraftMilestone, type PlanSection } from './plan-column.ts';
import { readOwnerColumn } from './owner-column.ts';
import { readItemColumn } from './item-column.ts';
import { joinWrapped, matchKey } from './text.ts';

interface DraftItem {
  title: string;
  key: string;
  line: number;
  sections: DraftSection[];
  owners: string[];
  /** Lines of the owner headings that name this item. */
  ownerLines: number[];
  /** The owner heading that took its divisions from the next row, if any. */
  ownersBorrowedFrom?: number;
  /** Made from a heading because the item column lacks it. */
  fromHeading?: string;
}

/**
 * A plan section as placed on an item; `byRow` marks one that no heading
 * opened: the row that opened the item in the item and owner columns did.
 */
interface DraftSection extends PlanSection {
  /** Which row cells opened it: the item and owner cells, or the owner cell alone. */
  byRow?: 'item' | 'owner';
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

/** A row that opened an item in the item and owner columns but not in the plan column. */
interface RowStart {
  line: number;
  item: DraftItem;
  section: DraftSection;
}

/**
 * A new row's item and owner cells end the previous item's plan text,
 * whatever the plan cell holds: when a row opens an item (□…) that its owner
 * cell names but no plan heading does (the plan cell was unreadable), the
 * milestones from that row up to the next heading are that item's. An owner
 * heading alone does the same for an item no plan heading names: the row
 * that names its owners is where its plan text is.
 */
function assignRowsWithoutHeading(items: DraftItem[], sections: PlanSection[]): void {
  const starts: RowStart[] = [];
  for (const item of items) {
    if (item.sections.length > 0 || item.fromHeading === '年次計画') continue;
    const byItemRow = !item.fromHeading && item.ownerLines.includes(item.line);
    const later = item.ownerLines.filter((line) => line >= item.line);
    if (!byItemRow && later.length === 0) continue;
    const line = byItemRow ? item.line : Math.min(...later);
    starts.push({ line, item, section: { heading: null, line, milestones: [], byRow: byItemRow ? 'item' : 'owner' } });
  }
  starts.sort((a, b) => a.line - b.line);
  if (starts.length === 0) return;
  for (const section of sections) {
    const kept: DraftMilestone[] = [];
    for (const milestone of section.milestones) {
      // A heading on the opening row itself still wins over the row.
      const start = [...starts]
        .reverse()
        .find((s) => s.line <= milestone.line && (section.heading === null ? s.line >= section.line : s.line > section.line));
      if (start) start.section.milestones.push(milestone);
      else kept.push(milestone);
    }
    section.milestones = kept;
  }
  for (const start of starts) {
    if (start.section.milestones.length > 0) start.item.sections.push(start.section);
  }
}

/** Why the importer is not sure of a milestone's item or owners: one review note each. */
function reviewMilestone(
  items: DraftItem[],
  draft: DraftItem,
  section: DraftSection,
  milestone: DraftMilestone,
  ownersOfInitiative: boolean,
  owners: string[],
  warn: Warn,
): void {
  const cell = { text: milestone.title, line: milestone.line };
  const item = draft.title;
  if (section.byRow === 'item') warn(cell, 'import.review.rowWithoutHeading', { item, line: section.line });
  else if (section.byRow === 'owner') warn(cell, 'import.review.ownerRowWithoutHeading', { item, line: section.line });
  else if (section.heading === null) warn(cell, 'import.review.onlyItem', { item });
  else if (draft.fromHeading) warn(cell, 'import.review.headingUnmatched', { item });
  else {
    // A row that opened another item lies between this milestone and its
    // heading, and that item has no plan text of its own: its plan cell may
    // have been lost, and this line may be its. Fine when this item itself
    // opened on that row.
    const opened = items
      .filter((other) => other !== draft && other.sections.length === 0)
      .filter((other) => other.line > section.line && other.line <= milestone.line)
      .sort((a, b) => b.line - a.line)[0];
    if (opened && draft.line < opened.line) {
      warn(cell, 'import.review.afterOtherItem', { item, other: opened.title, line: opened.line });
    }
  }
  const list = owners.join('、');
  if (ownersOfInitiative) warn(cell, 'import.review.ownersOfInitiative', { item, owners: list });
  if (draft.ownersBorrowedFrom !== undefined) {
    warn(cell, 'import.review.ownersFromNextRow', { item, owners: list, line: draft.ownersBorrowedFrom });
  }
}

/** Builds one initiative; every loose end becomes a warning. */
export function buildInitiative(block: InitiativeBlock, fiscalYear: number, warn: Warn): Initiative {
  const title = block.titleCells.map((c) => joinWrapped(c.text)).join('').replace(CIRCLED, '').trim();
  const sections = readPlanColumn(block.planCells, fiscalYear, warn);
  const owners = readOwnerColumn(block.ownerCells, warn);

  const draft = (title: string, line: number): DraftItem => ({ title, key: matchKey(title), line, sections: [], owners: [], ownerLines: [] });
  const headings = [...sections.flatMap((s) => (s.heading ? [s.heading] : [])), ...owners.headings.map((h) => h.heading)].map(matchKey);
  const score = (text: string) => Math.max(0, ...headings.map((key) => similarity(key, matchKey(text))));

  const items: DraftItem[] = readItemColumn(block.itemCells, score, warn).map((d) => draft(d.title, d.line));

  // Headings the item column lacks are items the extractor lost there; they
  // go after the item their predecessor heading matched, keeping plan order.
  const attach = (title: string, line: number, column: string, add: (item: DraftItem) => void) => {
    let index = findItem(items, title);
    if (index < 0) {
      index = Math.min(lastIndex + 1, items.length);
      items.splice(index, 0, { ...draft(title, line), fromHeading: column });
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
      item.ownerLines.push(heading.line);
      if (heading.borrowedFrom !== undefined) item.ownersBorrowedFrom = heading.borrowedFrom;
    });
  }

  assignRowsWithoutHeading(items, sections);

  const preface = sections.find((s) => s.heading === null);
  if (preface && preface.milestones.length > 0) {
    // Lines above the first heading can only be placed when there is one item.
    if (items.length === 1) items[0]!.sections.unshift(preface);
    else for (const m of preface.milestones) warn({ text: m.title, line: m.line }, 'warn.textBeforeHeading');
  }

  const builtItems: Item[] = items.map((draft, index) => {
    const id = `${block.number}-${index + 1}`;
    // The initiative's owners are a guess for an item when other items have
    // their own: the row that named its owners may have been lost.
    const ownersOfInitiative =
      draft.owners.length === 0 && owners.headings.length > 0 && owners.initiativeOwners.length > 0;
    const itemOwners = draft.owners.length > 0 ? draft.owners : [...owners.initiativeOwners];
    const placed = draft.sections
      .sort((a, b) => a.line - b.line)
      .flatMap((section) => section.milestones.map((m) => ({ section, m })));
    for (const { section, m } of placed) reviewMilestone(items, draft, section, m, ownersOfInitiative, itemOwners, warn);
    const milestones: Milestone[] = placed.map(({ m }, n) => ({
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

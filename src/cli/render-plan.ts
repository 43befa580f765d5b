// Plain-text views of a plan for the terminal: the import review report and
// the stored-plan listing.
import { listMilestones, SCHEDULE_KINDS, type ImportWarning, type Plan } from '../domain/plan.ts';
import type { PlanDiff } from '../import/reconcile.ts';
import type { StructureChange } from '../import/diff-structure.ts';
import type { Translate } from '../i18n/catalog.ts';

export function renderSummary(plan: Plan, t: Translate): string[] {
  const milestones = listMilestones(plan);
  const initiatives = plan.pillars.flatMap((p) => p.initiatives);
  const items = initiatives.flatMap((i) => i.items);
  const kinds = SCHEDULE_KINDS.map((kind) => [kind, milestones.filter((m) => m.milestone.schedule.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return [
    t('cli.planHeader', { title: plan.title }),
    t('cli.planMeta', { fiscalYear: plan.fiscalYear, publishedOn: plan.publishedOn ?? '-', coordinator: plan.coordinator ?? '-' }),
    t('cli.counts', { pillars: plan.pillars.length, initiatives: initiatives.length, items: items.length, milestones: milestones.length }),
    t('cli.kinds', { list: kinds }),
  ];
}

/** The tree down to items, with owners and milestone counts (import review). */
export function renderTree(plan: Plan, t: Translate): string[] {
  const lines: string[] = [];
  for (const pillar of plan.pillars) {
    lines.push(`${pillar.id} ${pillar.title}`);
    for (const initiative of pillar.initiatives) {
      lines.push(`  ${initiative.id} ${initiative.title}`);
      for (const item of initiative.items) {
        lines.push(`    ${item.id} ${item.title} — ${t('cli.milestoneCount', { count: item.milestones.length })} — ${t('cli.owners', { owners: item.owners.join('、') || '-' })}`);
      }
    }
  }
  return lines;
}

/**
 * The review part of the import report: lines not imported, lines repaired
 * and imported, and the 「要確認」 milestones whose item or owners a fallback
 * rule chose — each group under its own header, so none hides in another.
 */
export function renderWarnings(plan: Plan, t: Translate): string[] {
  if (plan.warnings.length === 0) return [t('cli.noWarnings')];
  const line = (w: ImportWarning) => t('cli.warningLine', { line: w.line, text: w.text, reason: w.reason });
  const dropped = plan.warnings.filter((w) => w.kind === undefined);
  const repaired = plan.warnings.filter((w) => w.kind === 'repaired');
  const review = plan.warnings.filter((w) => w.kind === 'review');
  const milestones = listMilestones(plan).map((p) => p.milestone);
  const idOf = (w: ImportWarning) => {
    const matches = milestones.filter((m) => m.title === w.text);
    return matches.length === 1 ? matches[0]!.id : '-';
  };
  const out: string[] = [];
  const section = (header: string, lines: string[]) => {
    if (lines.length === 0) return;
    if (out.length > 0) out.push('');
    out.push(header, ...lines);
  };
  section(t('import.report.dropped', { count: dropped.length }), dropped.map(line));
  section(t('import.report.repaired', { count: repaired.length }), repaired.map(line));
  section(
    t('import.report.review', { count: review.length }),
    review.map((w) => t('import.report.reviewLine', { line: w.line, id: idOf(w), text: w.text, reason: w.reason })),
  );
  return out;
}

export function renderDiff(diff: PlanDiff | null, t: Translate): string[] {
  if (!diff) return [t('cli.diffNew')];
  const lines = [
    t('cli.diffHeader', { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, unchanged: diff.unchanged }),
    ...diff.added.map((m) => `  + ${m.id} ${m.title}`),
    ...diff.changed.map((m) => `  ~ ${m.id} ${m.title} ${t('cli.diffFields', { fields: m.fields.join(', ') })}`),
    ...diff.removed.map((m) => `  - ${m.id} ${m.title}`),
  ];
  if (diff.structure.length > 0) {
    lines.push(t('import.diff.structureHeader', { count: diff.structure.length }), ...diff.structure.map((c) => renderStructureChange(c, t)));
  }
  return lines;
}

function renderStructureChange(change: StructureChange, t: Translate): string {
  switch (change.level) {
    case 'pillar':
      return t('import.diff.pillar', { id: change.id, before: change.before, after: change.after });
    case 'initiative':
      return t('import.diff.initiative', { id: change.id, before: change.before, after: change.after });
    case 'item':
      return t('import.diff.item', { id: change.id, before: change.before, after: change.after });
    case 'owners':
      return t('import.diff.itemOwners', {
        id: change.id,
        title: change.title,
        before: change.before.join('、') || '-',
        after: change.after.join('、') || '-',
      });
    case 'itemAdded':
      return t('import.diff.itemAdded', { id: change.id, title: change.title });
    case 'itemRemoved':
      return t('import.diff.itemRemoved', { id: change.id, title: change.title });
  }
}

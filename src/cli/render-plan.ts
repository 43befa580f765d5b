// Plain-text views of a plan for the terminal: the import review report and
// the stored-plan listing.
import { listMilestones, SCHEDULE_KINDS, type Plan } from '../domain/plan.ts';
import type { PlanDiff } from '../import/reconcile.ts';
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

export function renderWarnings(plan: Plan, t: Translate): string[] {
  if (plan.warnings.length === 0) return [t('cli.noWarnings')];
  return [
    t('cli.warningsHeader', { count: plan.warnings.length }),
    ...plan.warnings.map((w) => t('cli.warningLine', { line: w.line, text: w.text, reason: w.reason })),
  ];
}

export function renderDiff(diff: PlanDiff | null, t: Translate): string[] {
  if (!diff) return [t('cli.diffNew')];
  return [
    t('cli.diffHeader', { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, unchanged: diff.unchanged }),
    ...diff.added.map((m) => `  + ${m.id} ${m.title}`),
    ...diff.changed.map((m) => `  ~ ${m.id} ${m.title} ${t('cli.diffFields', { fields: m.fields.join(', ') })}`),
    ...diff.removed.map((m) => `  - ${m.id} ${m.title}`),
  ];
}

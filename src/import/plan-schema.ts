/**
 * The canonical plan file (SPEC §2.1) as a zod schema. It mirrors
 * src/domain/plan.ts exactly; the type assertions at the bottom keep the two
 * from drifting apart. Messages are written for the coordinator who edits the
 * file by hand, since they are printed as they are.
 */
import { z } from 'zod';
import type { Plan } from '../domain/plan.ts';

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A problem to report: a message key of the catalogue (src/i18n/messages/
 * plan-file.ts) and its parameters. Custom issues carry the key as their
 * message and the parameters as their params; plan-issues.ts translates them.
 */
interface KeyedProblem {
  message: string;
  params: Record<string, string | number>;
}

/** Why `value` is not a `YYYY-MM` month, or undefined when it is one. */
function yearMonthProblem(value: string): KeyedProblem | undefined {
  const match = YEAR_MONTH.exec(value);
  if (!match) return { message: 'planFile.notMonth', params: { value: JSON.stringify(value) } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { message: 'planFile.badMonth', params: { month } };
  return undefined;
}

/** Why `value` is not a real `YYYY-MM-DD` date, or undefined when it is one. */
function localDateProblem(value: string): KeyedProblem | undefined {
  const match = LOCAL_DATE.exec(value);
  if (!match) return { message: 'planFile.notDate', params: { value: JSON.stringify(value) } };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2023-02-30 over to March; a round trip exposes that.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { message: 'planFile.badDate', params: { value: JSON.stringify(value) } };
  }
  return undefined;
}

const yearMonth = z.string().superRefine((value, ctx) => {
  const problem = yearMonthProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', ...problem });
});

const localDate = z.string().superRefine((value, ctx) => {
  const problem = localDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', ...problem });
});

// Ids are typed into slash commands (`/plan update 1-1-2 done`), so a space
// would split them into two arguments.
const id = z.string().superRefine((value, ctx) => {
  if (value.length === 0) ctx.addIssue({ code: 'custom', message: 'planFile.idEmpty' });
  else if (/\s/.test(value)) ctx.addIssue({ code: 'custom', message: 'planFile.idSpaces', params: { value: JSON.stringify(value) } });
});

const text = z.string().min(1, { error: 'planFile.textEmpty' });

const rangeSchedule = z
  .strictObject({ kind: z.literal('range'), start: yearMonth, end: yearMonth })
  .superRefine((schedule, ctx) => {
    if (schedule.end < schedule.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'planFile.endBeforeStart', params: { end: schedule.end, start: schedule.start } });
    }
  });

/** One schedule per kind; the discriminated union reports an unknown `kind` by name. */
export const scheduleSchema = z.discriminatedUnion('kind', [
  rangeSchedule,
  z.strictObject({ kind: z.literal('months'), months: z.array(yearMonth).min(1, { error: 'planFile.monthsEmpty' }) }),
  z.strictObject({ kind: z.literal('from'), start: yearMonth }),
  z.strictObject({ kind: z.literal('yearRound') }),
  z.strictObject({ kind: z.literal('asNeeded') }),
  z.strictObject({ kind: z.literal('monthly') }),
  z.strictObject({
    kind: z.literal('timesPerYear'),
    times: z.number().int({ error: 'planFile.wholeNumber' }).positive({ error: 'planFile.positiveNumber' }),
  }),
  z.strictObject({ kind: z.literal('unscheduled') }),
]);

// item_owner is keyed by (item, division): a division listed twice is a typo, not two owners.
const owners = z.array(text).superRefine((list, ctx) => {
  list.forEach((owner, index) => {
    if (list.indexOf(owner) !== index) ctx.addIssue({ code: 'custom', path: [index], message: 'planFile.ownerTwice', params: { owner } });
  });
});

export const milestoneSchema = z.strictObject({
  id,
  title: text,
  scheduleText: text.optional(),
  schedule: scheduleSchema,
  group: text.optional(),
  // An empty override would leave the milestone with nobody to remind; omit the key to inherit.
  owners: owners.min(1, { error: 'planFile.ownersEmpty' }).optional(),
});

export const itemSchema = z.strictObject({ id, title: text, owners, milestones: z.array(milestoneSchema) });

export const initiativeSchema = z.strictObject({ id, title: text, items: z.array(itemSchema) });

export const pillarSchema = z.strictObject({ id, title: text, initiatives: z.array(initiativeSchema) });

export const warningSchema = z.strictObject({
  line: z.number().int({ error: 'planFile.wholeNumber' }).nonnegative({ error: 'planFile.notNegative' }),
  text: z.string(),
  reason: z.string(),
  kind: z.enum(['repaired', 'review']).optional(),
});

const planShape = z.strictObject({
  version: z.literal(1),
  title: text,
  fiscalYear: z
    .number()
    .int({ error: 'planFile.fiscalYear' })
    .min(1900, { error: 'planFile.fiscalYear' })
    .max(2999, { error: 'planFile.fiscalYear' }),
  publishedOn: localDate.optional(),
  coordinator: text.optional(),
  pillars: z.array(pillarSchema),
  warnings: z.array(warningSchema).default([]),
});

type Path = (string | number)[];

/**
 * Reports every id that an earlier node of the same level already used: the
 * stores key pillars, initiatives, items and milestones by id across the plan.
 */
function checkUniqueIds(plan: z.output<typeof planShape>, ctx: z.RefinementCtx): void {
  const seen = { pillar: new Map<string, Path>(), initiative: new Map<string, Path>(), item: new Map<string, Path>(), milestone: new Map<string, Path>() };
  const check = (level: keyof typeof seen, value: string, path: Path): void => {
    const first = seen[level].get(value);
    if (first) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: 'planFile.duplicateId',
        params: { level, value: JSON.stringify(value), first: formatPath(first) },
      });
    } else {
      seen[level].set(value, path);
    }
  };
  plan.pillars.forEach((pillar, p) => {
    const pillarPath: Path = ['pillars', p];
    check('pillar', pillar.id, pillarPath);
    pillar.initiatives.forEach((initiative, n) => {
      const initiativePath: Path = [...pillarPath, 'initiatives', n];
      check('initiative', initiative.id, initiativePath);
      initiative.items.forEach((item, i) => {
        const itemPath: Path = [...initiativePath, 'items', i];
        check('item', item.id, itemPath);
        item.milestones.forEach((milestone, m) => check('milestone', milestone.id, [...itemPath, 'milestones', m]));
      });
    });
  });
}

/** The whole plan file, `warnings` defaulting to []. */
export const planSchema = planShape.superRefine(checkUniqueIds);

/** `pillars[0].initiatives[1].id`: the path as a reader of the file would write it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The keys each level of the file accepts, for "did you mean" hints on unknown keys. */
export const PLAN_FILE_KEYS = {
  plan: Object.keys(planShape.shape),
  pillar: Object.keys(pillarSchema.shape),
  initiative: Object.keys(initiativeSchema.shape),
  item: Object.keys(itemSchema.shape),
  milestone: Object.keys(milestoneSchema.shape),
  warning: Object.keys(warningSchema.shape),
  schedule: Object.fromEntries(scheduleSchema.options.map((option) => [option.shape.kind.value, Object.keys(option.shape)])) as Record<
    string,
    string[]
  >,
};

// The schema's output must be exactly the domain Plan, in both directions:
// tsc fails here when plan.ts and this file drift apart.
type Output = z.output<typeof planSchema>;
type Assert<T extends true> = T;
type PlanFileMatchesPlan = Assert<Output extends Plan ? (Plan extends Output ? true : false) : false>;

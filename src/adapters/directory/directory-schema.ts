/**
 * The directory file (SPEC §3) as a zod schema, and its issues as sentences
 * that name the key and say what to write, since they are printed as they are.
 */
import { isMessageKey, type Translate } from '../../i18n/catalog.ts';
import { z } from 'zod';
import { PLAN_KEY_PATTERN } from '../../domain/plan-period.ts';
import { parseEvaluationScale } from '../../domain/report-round.ts';
import { closestKey, valueAt } from '../../import/plan-issues.ts';

export type IssuePath = (string | number)[];

// Chat ids are pasted from the platform; a space inside one is always a copy-paste slip.
const chatId = z
  .string()
  .trim()
  .min(1, { error: 'planFile.textEmpty' })
  .refine((value) => !/\s/.test(value), { error: 'directoryFile.noSpaces' });

// `users:` with nothing after it reads as null in YAML; treat it as an empty list.
const idList = z
  .array(chatId)
  .nullish()
  .transform((list) => list ?? []);

const coordinatorSchema = z.strictObject({
  division: z.string().trim().min(1, { error: 'planFile.textEmpty' }),
  channel: chatId,
  users: idList,
  // A coordinator channel per plan, by plan key (issue 13): `plans: { dx-2021: C0DX }`.
  plans: z.record(z.string().regex(PLAN_KEY_PATTERN, { error: 'directoryFile.planKey' }), chatId).optional(),
  // The scale of a plan's report rounds, by plan key (issue 15 §1): `scales: { fy2021: "A:達成,B:順調,C:遅れ*" }`.
  scales: z
    .record(
      z.string().regex(PLAN_KEY_PATTERN, { error: 'directoryFile.planKey' }),
      z.string().refine((text) => parseEvaluationScale(text) !== null, { error: 'directoryFile.scale' }),
    )
    .optional(),
});

// channelMembers: every member of the channel may report for the division (SPEC §3, issue 5).
const divisionSchema = z.strictObject({ channel: chatId, users: idList, deputies: idList, channelMembers: z.boolean().optional() });

export const directorySchema = z.strictObject({
  coordinator: coordinatorSchema,
  divisions: z
    .record(z.string().trim().min(1, { error: 'directoryFile.divisionEmpty' }), divisionSchema)
    .nullish()
    .transform((divisions) => divisions ?? {}),
});

export type DirectoryFile = z.output<typeof directorySchema>;

const ALLOWED_KEYS = {
  root: Object.keys(directorySchema.shape),
  coordinator: Object.keys(coordinatorSchema.shape),
  division: Object.keys(divisionSchema.shape),
};

/** One problem in the file: where (a path into the document) and what. */
export interface DirectoryIssue {
  path: IssuePath;
  message: string;
}

/**
 * Turns zod issues into directory issues, one per unknown key. A misspelt key
 * (`chanel:`) is one mistake, reported with the key it meant, not also as a
 * missing `channel`.
 */
export function describeDirectoryIssues(issues: readonly z.core.$ZodIssue[], input: unknown, t: Translate): DirectoryIssue[] {
  const described: DirectoryIssue[] = [];
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = pathOf(issue);
    const allowed = allowedKeys(path);
    for (const key of issue.keys) {
      const meant = closestKey(key, allowed);
      if (meant) misspelt.add(JSON.stringify([...path, meant]));
      const message = meant
        ? t('planFile.unknownKeySuggest', { key: JSON.stringify(key), suggestion: meant })
        : t('planFile.unknownKey', { key: JSON.stringify(key), allowed: allowed.join(', ') });
      described.push({ path: [...path, key], message });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = pathOf(issue);
    if (valueAt(input, path) === undefined && misspelt.has(JSON.stringify(path))) continue;
    described.push({ path, message: describeIssue(issue, path, input, t) });
  }
  return described;
}

function pathOf(issue: z.core.$ZodIssue): IssuePath {
  return issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function describeIssue(issue: z.core.$ZodIssue, path: IssuePath, input: unknown, t: Translate): string {
  const value = valueAt(input, path);
  if (issue.code !== 'invalid_type') return isMessageKey(issue.message) ? t(issue.message) : issue.message;
  if (path.length === 0) return value === undefined || value === null ? t('directoryFile.empty') : t('directoryFile.notMapping');
  if (value === undefined) return t('planFile.missing', { expected: noun(issue.expected, t) });
  const hint = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? t('planFile.quoteHint', { value: String(value) }) : '';
  return t('planFile.wrongType', { expected: noun(issue.expected, t), got: describeValue(value, t), hint });
}

function allowedKeys(path: IssuePath): string[] {
  if (path.length === 0) return ALLOWED_KEYS.root;
  if (path[0] === 'coordinator') return ALLOWED_KEYS.coordinator;
  return ALLOWED_KEYS.division;
}

function noun(expected: string, t: Translate): string {
  switch (expected) {
    case 'string':
      return t('planFile.noun.text');
    case 'array':
      return t('planFile.noun.list');
    case 'object':
    case 'record':
      return t('planFile.noun.mapping');
    default:
      return expected;
  }
}

function describeValue(value: unknown, t: Translate): string {
  if (value === null) return t('planFile.noun.nothing');
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return t('planFile.noun.list');
  if (typeof value === 'object') return t('planFile.noun.mapping');
  return String(value);
}

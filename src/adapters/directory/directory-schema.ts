/**
 * The directory file (SPEC §3) as a zod schema, and its issues as sentences
 * that name the key and say what to write, since they are printed as they are.
 */
import { z } from 'zod';
import { PLAN_KEY_PATTERN } from '../../domain/plan-period.ts';
import { closestKey, valueAt } from '../../import/plan-issues.ts';

export type IssuePath = (string | number)[];

// Chat ids are pasted from the platform; a space inside one is always a copy-paste slip.
const chatId = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((value) => !/\s/.test(value), { error: 'must not contain spaces' });

// `users:` with nothing after it reads as null in YAML; treat it as an empty list.
const idList = z
  .array(chatId)
  .nullish()
  .transform((list) => list ?? []);

const coordinatorSchema = z.strictObject({
  division: z.string().trim().min(1, { error: 'must not be empty' }),
  channel: chatId,
  users: idList,
  // A coordinator channel per plan, by plan key (issue 13): `plans: { dx-2021: C0DX }`.
  plans: z.record(z.string().regex(PLAN_KEY_PATTERN, { error: 'a plan key (e.g. gyokaku-2021)' }), chatId).optional(),
});

// channelMembers: every member of the channel may report for the division (SPEC §3, issue 5).
const divisionSchema = z.strictObject({ channel: chatId, users: idList, deputies: idList, channelMembers: z.boolean().optional() });

export const directorySchema = z.strictObject({
  coordinator: coordinatorSchema,
  divisions: z
    .record(z.string().trim().min(1, { error: 'a division name must not be empty' }), divisionSchema)
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
export function describeDirectoryIssues(issues: readonly z.core.$ZodIssue[], input: unknown): DirectoryIssue[] {
  const described: DirectoryIssue[] = [];
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = pathOf(issue);
    const allowed = allowedKeys(path);
    for (const key of issue.keys) {
      const meant = closestKey(key, allowed);
      if (meant) misspelt.add(JSON.stringify([...path, meant]));
      const hint = meant ? `did you mean "${meant}"?` : `allowed: ${allowed.join(', ')}`;
      described.push({ path: [...path, key], message: `unknown key ${JSON.stringify(key)} (${hint})` });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = pathOf(issue);
    if (valueAt(input, path) === undefined && misspelt.has(JSON.stringify(path))) continue;
    described.push({ path, message: describeIssue(issue, path, input) });
  }
  return described;
}

function pathOf(issue: z.core.$ZodIssue): IssuePath {
  return issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function describeIssue(issue: z.core.$ZodIssue, path: IssuePath, input: unknown): string {
  const value = valueAt(input, path);
  if (issue.code !== 'invalid_type') return issue.message;
  if (path.length === 0) {
    return value === undefined || value === null
      ? 'the file is empty (expected coordinator: and divisions:)'
      : 'expected a mapping with coordinator: and divisions:';
  }
  if (value === undefined) return `required, but missing (expected ${noun(issue.expected)})`;
  const hint = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ` (write it in quotes: "${String(value)}")` : '';
  return `expected ${noun(issue.expected)}, got ${describeValue(value)}${hint}`;
}

function allowedKeys(path: IssuePath): string[] {
  if (path.length === 0) return ALLOWED_KEYS.root;
  if (path[0] === 'coordinator') return ALLOWED_KEYS.coordinator;
  return ALLOWED_KEYS.division;
}

function noun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

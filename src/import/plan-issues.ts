/**
 * Turns zod issues on a plan file into one-line sentences a coordinator can
 * act on. zod's own messages ("Invalid input: expected string, received
 * undefined") say neither which key nor what to write instead.
 */
import type { z } from 'zod';
import { SCHEDULE_KINDS } from '../domain/plan.ts';
import { isMessageKey, type Translate } from '../i18n/catalog.ts';
import { PLAN_FILE_KEYS } from './plan-schema.ts';

export type IssuePath = (string | number)[];

/** One problem in the file: where (a path into the document) and what. */
export interface PlanIssue {
  path: IssuePath;
  message: string;
}

/** Expands zod issues into plan issues: one per unknown key, each with its own message. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, t: Translate): PlanIssue[] {
  const described: PlanIssue[] = [];
  // `shedule:` is one mistake, not an unknown key plus a missing `schedule`.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = withoutSymbols(issue.path);
    for (const key of issue.keys) {
      const suggestion = closestKey(key, allowedKeys(path, input));
      described.push({ path: [...path, key], message: unknownKeyMessage(key, suggestion, allowedKeys(path, input), t) });
      if (suggestion) misspelt.add(JSON.stringify([...path, suggestion]));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = withoutSymbols(issue.path);
    const missing = valueAt(input, path) === undefined;
    if (missing && misspelt.has(JSON.stringify(path))) continue;
    described.push({ path, message: describeIssue(issue, path, input, t) });
  }
  return described;
}

function withoutSymbols(path: readonly PropertyKey[]): IssuePath {
  return path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function describeIssue(issue: z.core.$ZodIssue, path: IssuePath, input: unknown, t: Translate): string {
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0 && (value === undefined || value === null)) return t('planFile.empty');
      if (value === undefined) return t('planFile.missing', { expected: expectedNoun(issue.expected, t) });
      return t('planFile.wrongType', { expected: expectedNoun(issue.expected, t), got: describeValue(value, t), hint: quoteHint(issue.expected, value, t) });
    case 'invalid_union':
      if (issue.discriminator === 'kind') {
        const kinds = SCHEDULE_KINDS.join(', ');
        if (value === undefined) return t('planFile.kindMissing', { kinds });
        return t('planFile.kindUnknown', { value: describeValue(value, t), kinds });
      }
      return keyedMessage(issue.message, undefined, t);
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'version') return t('planFile.version', { value: describeValue(value, t) });
      return t('planFile.oneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(' / '), got: describeValue(value, t) });
    case 'custom':
      return keyedMessage(issue.message, issue.params, t);
    default:
      // too_small and the like carry the schema's own message key (plan-schema.ts).
      return keyedMessage(issue.message, undefined, t);
  }
}

/** The schema's message key translated with its parameters; a message that is no key is zod's own and shown as it is. */
function keyedMessage(message: string, params: Record<string, unknown> | undefined, t: Translate): string {
  if (!isMessageKey(message)) return message;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) values[name] = typeof value === 'number' ? value : String(value);
  if (message === 'planFile.duplicateId' && typeof values.level === 'string') {
    const level = `planFile.level.${values.level}`;
    if (isMessageKey(level)) values.level = t(level);
  }
  return t(message, values);
}

function expectedNoun(expected: string, t: Translate): string {
  switch (expected) {
    case 'string':
      return t('planFile.noun.text');
    case 'number':
      return t('planFile.noun.number');
    case 'int':
      return t('planFile.noun.int');
    case 'array':
      return t('planFile.noun.list');
    case 'object':
      return t('planFile.noun.mapping');
    default:
      return expected;
  }
}

/** YAML reads `id: 1` as a number; the fix is to quote it, which is not obvious. */
function quoteHint(expected: string, value: unknown, t: Translate): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return t('planFile.quoteHint', { value: String(value) });
  return '';
}

function describeValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('planFile.noun.nothing');
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return t('planFile.noun.list');
  if (typeof value === 'object') return t('planFile.noun.mapping');
  return String(value);
}

function unknownKeyMessage(key: string, suggestion: string | undefined, allowed: string[], t: Translate): string {
  if (suggestion) return t('planFile.unknownKeySuggest', { key: JSON.stringify(key), suggestion });
  return t('planFile.unknownKey', { key: JSON.stringify(key), allowed: allowed.join(', ') });
}

/** The keys the mapping at `path` accepts, told apart by where it sits in the plan. */
function allowedKeys(path: IssuePath, input: unknown): string[] {
  const last = path[path.length - 1];
  const container = typeof last === 'number' ? path[path.length - 2] : last;
  switch (container) {
    case undefined:
      return PLAN_FILE_KEYS.plan;
    case 'pillars':
      return PLAN_FILE_KEYS.pillar;
    case 'initiatives':
      return PLAN_FILE_KEYS.initiative;
    case 'items':
      return PLAN_FILE_KEYS.item;
    case 'milestones':
      return PLAN_FILE_KEYS.milestone;
    case 'warnings':
      return PLAN_FILE_KEYS.warning;
    case 'schedule': {
      const kind = valueAt(input, [...path, 'kind']);
      const forKind = typeof kind === 'string' ? PLAN_FILE_KEYS.schedule[kind] : undefined;
      return forKind ?? [...new Set(Object.values(PLAN_FILE_KEYS.schedule).flat())];
    }
    default:
      return [];
  }
}

/** The allowed key a typo most likely meant: same letters ignoring case, or at most two edits away. */
export function closestKey(key: string, allowed: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The value at `path` in the parsed document, or undefined when the path leads nowhere. */
export function valueAt(input: unknown, path: IssuePath): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

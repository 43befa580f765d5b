/**
 * Turns zod issues on a plan file into one-line sentences a coordinator can
 * act on. zod's own messages ("Invalid input: expected string, received
 * undefined") say neither which key nor what to write instead.
 */
import type { z } from 'zod';
import { SCHEDULE_KINDS } from '../domain/plan.ts';
import { PLAN_FILE_KEYS } from './plan-schema.ts';

export type IssuePath = (string | number)[];

/** One problem in the file: where (a path into the document) and what. */
export interface PlanIssue {
  path: IssuePath;
  message: string;
}

/** Expands zod issues into plan issues: one per unknown key, each with its own message. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): PlanIssue[] {
  const described: PlanIssue[] = [];
  // `shedule:` is one mistake, not an unknown key plus a missing `schedule`.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = withoutSymbols(issue.path);
    for (const key of issue.keys) {
      const suggestion = closestKey(key, allowedKeys(path, input));
      described.push({ path: [...path, key], message: unknownKeyMessage(key, suggestion, allowedKeys(path, input)) });
      if (suggestion) misspelt.add(JSON.stringify([...path, suggestion]));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = withoutSymbols(issue.path);
    const missing = valueAt(input, path) === undefined;
    if (missing && misspelt.has(JSON.stringify(path))) continue;
    described.push({ path, message: describeIssue(issue, path, input) });
  }
  return described;
}

function withoutSymbols(path: readonly PropertyKey[]): IssuePath {
  return path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function describeIssue(issue: z.core.$ZodIssue, path: IssuePath, input: unknown): string {
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0 && (value === undefined || value === null)) {
        return 'the file is empty (expected a plan: version: 1, title, fiscalYear, pillars)';
      }
      if (value === undefined) return `required, but missing (expected ${expectedNoun(issue.expected)})`;
      return `expected ${expectedNoun(issue.expected)}, got ${describeValue(value)}${quoteHint(issue.expected, value)}`;
    case 'invalid_union':
      if (issue.discriminator === 'kind') {
        const expected = `expected one of ${SCHEDULE_KINDS.join(', ')}`;
        if (value === undefined) return `schedule kind is missing (${expected})`;
        return `unknown schedule kind ${describeValue(value)} (${expected})`;
      }
      return issue.message;
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'version') return `unsupported plan file version ${describeValue(value)} (expected 1)`;
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`;
    default:
      // too_small and custom issues carry the schema's own, already readable message.
      return issue.message;
  }
}

function expectedNoun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return expected;
  }
}

/** YAML reads `id: 1` as a number; the fix is to quote it, which is not obvious. */
function quoteHint(expected: string, value: unknown): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return ` (write it in quotes: "${String(value)}")`;
  }
  return '';
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function unknownKeyMessage(key: string, suggestion: string | undefined, allowed: string[]): string {
  if (suggestion) return `unknown key ${JSON.stringify(key)} (did you mean "${suggestion}"?)`;
  return `unknown key ${JSON.stringify(key)} (allowed: ${allowed.join(', ')})`;
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

/**
 * What Teams would refuse or render wrongly in a card, checked the way the
 * Adaptive Card schema would: no JSON schema ships in node_modules, so this
 * checks the rules our cards rely on — version ≤ 1.5, only element and
 * action types of schema 1.5, required fields, unique ids, inputs with ids,
 * and the 40 KB message limit counted as Teams counts it (UTF-16).
 */
import { expect } from 'vitest';

const ELEMENTS_1_5 = new Set([
  'TextBlock', 'RichTextBlock', 'Image', 'Media', 'Container', 'ColumnSet', 'FactSet', 'ImageSet', 'ActionSet', 'Table',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const ACTIONS_1_5 = new Set(['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);

/** Throws (through expect) on the first thing wrong with `card`. */
export function checkCard(card: unknown): void {
  const root = card as Record<string, unknown>;
  expect(root['type']).toBe('AdaptiveCard');
  expect(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']).toContain(root['version']);
  expect(Array.isArray(root['body'])).toBe(true);
  const ids = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const type = record['type'];
    if (typeof type === 'string' && path !== '$' && !path.endsWith('.data') && !path.includes('.data.')) {
      if (type.startsWith('Action.')) {
        expect(ACTIONS_1_5, `${path}: ${type}`).toContain(type);
        expect(typeof record['title'], `${path}: a button needs a title`).toBe('string');
        if (type === 'Action.Execute') expect(typeof record['verb'], `${path}: verb`).toBe('string');
      } else if (!['Fact', 'Column', 'TextRun', 'Choice'].includes(type) && type !== 'AdaptiveCard') {
        expect(ELEMENTS_1_5, `${path}: ${type}`).toContain(type);
      }
      if (type === 'TextBlock') expect(typeof record['text'], `${path}: text`).toBe('string');
      if (type.startsWith('Input.')) expect(typeof record['id'], `${path}: an input needs an id`).toBe('string');
    }
    if (typeof record['id'] === 'string' && typeof type === 'string') {
      expect(ids.has(record['id']), `${path}: duplicate id ${record['id']}`).toBe(false);
      ids.add(record['id']);
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'data') walk(value, `${path}.${key}`);
  };
  walk(card, '$');
  expect(JSON.stringify(card).length * 2, 'within 40 KB as UTF-16').toBeLessThanOrEqual(40 * 1024);
}

/** Reads a TextBlock as Teams shows it: our backslash escapes removed, our own `**` dropped. */
export function shown(markdown: string): string {
  return markdown.replace(/(?<!\\)\*\*/gu, '').replace(/\\(.)/gu, '$1');
}

/** Every TextBlock of a card as shown, in order. */
export function textsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') out.push(shown(record['text']));
    for (const [key, value] of Object.entries(record)) if (key !== 'data') walk(value);
  };
  walk(card);
  return out;
}

/** Every action of a card, in order. */
export function actionsOf(card: unknown): { type: string; title: string; verb?: string; data?: Record<string, unknown> }[] {
  const out: { type: string; title: string; verb?: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Action.')) out.push(record as never);
    for (const [key, value] of Object.entries(record)) if (key !== 'data') walk(value);
  };
  walk(card);
  return out;
}

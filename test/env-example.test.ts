// .env.example is where an operator learns what can be set: it must name
// every setting the bot reads, so a setting added to src/config.ts without a
// line there fails here.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadConfig, SETTING_NAMES } from '../src/config.ts';

const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

/** `NAME=value` lines, commented out (`# NAME=…`) or not. */
function listedNames(text: string): string[] {
  return [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gmu)].map((match) => match[1]!);
}

it('names every setting of the configuration schema', () => {
  const listed = new Set(listedNames(example));
  expect(SETTING_NAMES.filter((name) => !listed.has(name))).toEqual([]);
});

it('names nothing the bot would not read, except the proxy and CA variables Node and the HTTP clients read', () => {
  const known = new Set([...SETTING_NAMES, 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'NODE_EXTRA_CA_CERTS']);
  expect(listedNames(example).filter((name) => !known.has(name))).toEqual([]);
});

it('is valid as written: its example values, uncommented, load without a problem', () => {
  // Only real example values: placeholders (`xoxb-...`) and the chat platforms' settings need real accounts, together;
  // the dashboard's need a real secret, together.
  const values = Object.fromEntries(
    [...example.matchAll(/^#\s*([A-Z][A-Z0-9_]*)=(.*)$/gmu)]
      .map((match) => [match[1]!, match[2]!.trim()] as const)
      .filter(([name, value]) => SETTING_NAMES.includes(name) && !/^(SLACK|TEAMS|DASHBOARD)_/u.test(name) && !/\.\.\.|…/u.test(value)),
  );
  const loaded = loadConfig(values);
  expect(loaded.ok ? 'ok' : loaded.error.message).toBe('ok');
});

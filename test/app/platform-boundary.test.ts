/**
 * Keeps src/app/ platform-free (issue 14): the use cases serve Slack, Teams
 * and the shell alike, so none of them may import a chat SDK or an adapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/app');
const SPECIFIER = /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/gu;

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Why `specifier` may not be imported from `file` in src/app, or null. */
function violation(file: string, specifier: string): string | null {
  if (/^@microsoft\/|^@slack\/|^botbuilder/u.test(specifier)) return 'a chat platform SDK';
  if (specifier.startsWith('.') && resolve(dirname(file), specifier).includes(`${join('src', 'adapters')}`)) return 'an adapter';
  return null;
}

describe('src/app platform boundary', () => {
  it('imports no chat SDK and no adapter', () => {
    const found = listTsFiles(appDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '').flatMap((specifier) => {
        const why = violation(file, specifier);
        return why === null ? [] : [`${file}: ${specifier} (${why})`];
      }),
    );
    expect(found).toEqual([]);
  });

  it('would catch a Teams import', () => {
    expect(violation(join(appDir, 'x.ts'), '@microsoft/teams.apps')).not.toBeNull();
    expect(violation(join(appDir, 'x.ts'), '../adapters/teams/teams-notifier.ts')).not.toBeNull();
    expect(violation(join(appDir, 'x.ts'), './ports.ts')).toBeNull();
  });
});

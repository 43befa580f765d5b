/**
 * Keeps src/domain/ pure (STYLE: "no I/O, no clock, no SDK imports"): the
 * domain gets the clock and the holiday table as arguments, never by import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const domainDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/domain');

/** Packages that do I/O or talk to a platform; a prefix ending in `/` bans a whole scope. */
const FORBIDDEN_PACKAGES = [
  'better-sqlite3',
  'kysely',
  'pg',
  'postgres',
  '@slack/',
  '@microsoft/',
  'botbuilder',
  'node-cron',
  'cron',
  '@holiday-jp/',
  'pino',
  'dotenv',
  'undici',
  'node-fetch',
  'axios',
  'ws',
  'yaml',
  'commander',
];

const SPECIFIER = /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/gu;

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

/** Why `specifier` may not be imported from `file`, or null when it may. */
function violation(file: string, specifier: string): string | null {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) {
    return 'a Node built-in module';
  }
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    return target === domainDir || target.startsWith(domainDir + sep) ? null : 'a module outside src/domain/';
  }
  const banned = FORBIDDEN_PACKAGES.find((name) =>
    name.endsWith('/') ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`),
  );
  return banned ? `an I/O or platform package (${banned})` : null;
}

const files = listTsFiles(domainDir);

describe('src/domain purity', () => {
  it('finds the domain sources', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports nothing that does I/O', () => {
    const problems = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const reason = violation(file, specifier);
        return reason ? [`${relative(domainDir, file)} imports '${specifier}': ${reason}`] : [];
      }),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('reads no clock and no environment', () => {
    // The clock and settings come in as arguments so that tests and previews can fix them.
    const ambient = /\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bprocess\.|\bglobalThis\.process\b/gu;
    const problems = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(ambient)].map((m) => `${relative(domainDir, file)} uses '${m[0]}'`),
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('detects a forbidden import (self-check of the scanner)', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      "import type { App } from '@slack/bolt';",
      "export * from '../adapters/db/store.ts';",
      "const cron = await import('node-cron');",
      "import 'fs';",
      "import { x } from './local-date.ts';",
    ].join('\n');
    const file = join(domainDir, 'sample.ts');
    expect(importsOf(sample).map((specifier) => violation(file, specifier) !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

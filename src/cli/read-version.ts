// The version package.json declares: what `shinchoku --version` prints and
// what an operator quotes when reporting a problem.
import { readFileSync } from 'node:fs';

/** package.json's `version`, read beside the sources (whatever the working directory). */
export function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

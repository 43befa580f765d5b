// A plan saved by Excel or another Japanese tool arrives as Shift_JIS (CP932)
// or UTF-16; it must import exactly as its UTF-8 copy, and the review report
// must say which encoding was read. Empty and binary files are refused with
// one catalogued line in the session's language, and nothing is written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempWorkspace } from './run-cli.ts';

const SEED = new URL('../../config/plans/fy2020-mie.txt', import.meta.url).pathname;
/** The seed saved as Shift_JIS. CP932 has no 伤 别 连 · (OCR garbage of the extractor), so they became 傷 別 連 ・. */
const SEED_CP932 = new URL('../fixtures/pdf-text/fy2020-mie.cp932.txt', import.meta.url).pathname;
const NOT_IN_CP932: Record<string, string> = { 伤: '傷', 别: '別', 连: '連', '·': '・' };

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(() => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database };
});
afterEach(() => ws.cleanup());

function writeCopy(name: string, bytes: Buffer): string {
  const file = join(ws.dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function canonical(file: string): Promise<string> {
  const run = await cli(['import', file, '--dry-run', '--json'], env);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return run.stdout;
}

describe('shinchoku import reads the encodings Japanese offices save in', () => {
  it('a Shift_JIS plan imports the same as its UTF-8 copy, and the report says Shift_JIS', async () => {
    const utf8 = readFileSync(SEED, 'utf8').replace(/[伤别连·]/g, (c) => NOT_IN_CP932[c]!);
    const utf8Copy = writeCopy('plan-utf8.txt', Buffer.from(utf8));
    expect(await canonical(SEED_CP932)).toBe(await canonical(utf8Copy));

    const review = await cli(['import', SEED_CP932, '--dry-run'], env);
    expect(review.stdout).toContain('文字コード: Shift_JIS (CP932)');
    expect(review.stdout).toMatch(/1-1 .*総務部人事課/);
  });

  it('UTF-16 with a BOM (little and big endian) and UTF-8 with a BOM import the same as UTF-8', async () => {
    const text = readFileSync(SEED, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    const expected = await canonical(SEED);
    expect(await canonical(writeCopy('le.txt', le))).toBe(expected);
    expect(await canonical(writeCopy('be.txt', be))).toBe(expected);
    expect(await canonical(writeCopy('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).toBe(expected);

    const review = await cli(['import', writeCopy('le2.txt', le), '--dry-run'], env);
    expect(review.stdout).toContain('文字コード: UTF-16LE (BOM)');
  });

  it('an empty file and a binary file are one Japanese line each, exit 1, nothing written', async () => {
    const empty = await cli(['import', writeCopy('empty.txt', Buffer.alloc(0))], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('ファイルが空です');

    const png = writeCopy('plan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const binary = await cli(['import', png], env);
    expect(binary.code).toBe(1);
    expect(binary.stderr.trim().split('\n')).toHaveLength(1);
    expect(binary.stderr).toContain('テキストファイルではありません');
    expect(binary.stderr).toContain('Shift_JIS');
    expect(existsSync(ws.database)).toBe(false);
  });

  it('says the same in English when SHINCHOKU_LANG=en', async () => {
    const run = await cli(['import', writeCopy('empty.txt', Buffer.alloc(0))], { ...env, SHINCHOKU_LANG: 'en' });
    expect(run.stderr).toContain('the file is empty');
    expect(run.stderr).not.toMatch(/[ぁ-ん]/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDirectory, parseDirectory } from '../../../src/adapters/directory/load-directory.ts';
import { channelFor, EMPTY_DIRECTORY, unmappedDivisions } from '../../../src/domain/directory.ts';
import { listDivisions } from '../../../src/domain/plan.ts';
import { bundledPlan, EXAMPLE_DIRECTORY } from '../../app/tick-world.ts';

const SPEC_EXAMPLE = `coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM, users: [U01, U02] }
divisions:
  総務部人事課: { channel: C0JINJI, users: [U10, U11], deputies: [U12] }
`;

/** The problem message of a text that must not parse. */
function problem(text: string): string {
  const parsed = parseDirectory(text, 'directory.yaml', 'en');
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.error.message;
}

describe('parseDirectory', () => {
  it('reads the example of SPEC §3', () => {
    const parsed = parseDirectory(SPEC_EXAMPLE, 'directory.yaml');
    expect(parsed).toEqual({
      ok: true,
      value: {
        coordinator: { division: '総務部行財政改革推進課', channel: 'C0REFORM', users: ['U01', 'U02'] },
        divisions: new Map([['総務部人事課', { channel: 'C0JINJI', users: ['U10', 'U11'], deputies: ['U12'] }]]),
      },
    });
  });

  it('takes missing or empty lists as empty', () => {
    const parsed = parseDirectory('coordinator:\n  division: 総務部行財政改革推進課\n  channel: C0REFORM\ndivisions:\n  総務部人事課:\n    channel: C0JINJI\n    users:\n', 'd.yaml');
    expect(parsed.ok && parsed.value.divisions.get('総務部人事課')).toEqual({ channel: 'C0JINJI', users: [], deputies: [] });
    expect(parsed.ok && parsed.value.coordinator?.users).toEqual([]);
    const noDivisions = parseDirectory('coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM }\ndivisions:\n', 'd.yaml');
    expect(noDivisions.ok && noDivisions.value.divisions.size).toBe(0);
  });

  it('names the file, the line and the key of the first problem', () => {
    expect(problem(`${SPEC_EXAMPLE}  総務部財政課: { users: [U30] }\n`)).toBe('directory.yaml:4: divisions.総務部財政課.channel: required, but missing (expected text)');
    expect(problem(`${SPEC_EXAMPLE}  総務部財政課: { channel: C0ZAISEI, deputys: [U31] }\n`)).toBe(
      'directory.yaml:4: divisions.総務部財政課.deputys: unknown key "deputys" (did you mean "deputies"?)',
    );
    expect(problem('coordinator: { division: 総務部行財政改革推進課, channel: 12345 }\n')).toBe(
      'directory.yaml:1: coordinator.channel: expected text, got 12345 (write it in quotes: "12345")',
    );
    expect(problem('divisions: {}\n')).toBe('directory.yaml:1: coordinator: required, but missing (expected a mapping)');
    expect(problem('coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM }\nteams: []\n')).toBe(
      'directory.yaml:2: teams: unknown key "teams" (allowed: coordinator, divisions)',
    );
    expect(problem(`${SPEC_EXAMPLE}  総務部財政課: { channel: "C0 ZAISEI", users: [""] }\n`)).toBe(
      'directory.yaml:4: divisions.総務部財政課.channel: must not contain spaces (and 1 more)',
    );
  });

  it('reads a plan\'s report scale, and refuses one that is not a scale with the key and the way to write it', () => {
    const parsed = parseDirectory('coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM, scales: { fy2021: "A:達成,B:順調,C:遅れ*" } }\n', 'd.yaml');
    expect(parsed.ok && parsed.value.coordinator?.scales).toEqual({ fy2021: 'A:達成,B:順調,C:遅れ*' });
    expect(problem('coordinator:\n  division: 総務部行財政改革推進課\n  channel: C0REFORM\n  scales:\n    fy2021: "A:達成"\n')).toBe(
      'directory.yaml:5: coordinator.scales.fy2021: write the evaluation scale best first as CODE:LABEL pairs separated by commas (e.g. "A:達成,B:順調,C:遅れ*"; * marks a grade that needs no achievements)',
    );
  });

  it('reports YAML syntax errors and duplicate divisions with their line', () => {
    expect(problem('coordinator: { division: x, channel: C1\n')).toMatch(/^directory\.yaml:\d+: YAML syntax error: /);
    expect(problem(`${SPEC_EXAMPLE}  総務部人事課: { channel: C0OTHER }\n`)).toMatch(/^directory\.yaml:4: YAML syntax error: Map keys must be unique/);
  });

  it('reports an empty file', () => {
    expect(problem('')).toBe('directory.yaml: the file is empty (expected coordinator: and divisions:)');
  });

  it('speaks the session language, Japanese by default', () => {
    const ja = (text: string) => {
      const parsed = parseDirectory(text, 'directory.yaml');
      return parsed.ok ? '' : parsed.error.message;
    };
    expect(ja(`${SPEC_EXAMPLE}  総務部財政課: { users: [U30] }\n`)).toBe('directory.yaml:4: divisions.総務部財政課.channel: 必須ですが、ありません (文字列を書いてください)');
    expect(ja('')).toBe('directory.yaml: ファイルが空です (coordinator: と divisions: が必要です)');
    expect(ja(`${SPEC_EXAMPLE}  総務部財政課: { channel: C0ZAISEI, deputys: [U31] }\n`)).toContain('(「deputies」の誤りではありませんか)');
    expect(ja('coordinator: { division: x, channel: C1\n')).toMatch(/^directory\.yaml:\d+: YAML の書き方が正しくありません: /);
  });
});

describe('loadDirectory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shinchoku-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a missing file as an empty directory, not an error', async () => {
    expect(await loadDirectory(join(dir, 'none.yaml'))).toEqual({ ok: true, value: EMPTY_DIRECTORY });
  });

  it('reads a file and names it in problems', async () => {
    const path = join(dir, 'directory.yaml');
    writeFileSync(path, SPEC_EXAMPLE);
    expect((await loadDirectory(path)).ok).toBe(true);
    writeFileSync(path, 'coordinator: []\n');
    const loaded = await loadDirectory(path, 'en');
    expect(!loaded.ok && loaded.error).toEqual({ code: 'directory_invalid', message: `${path}:1: coordinator: expected a mapping, got a list`, line: 1 });
  });

  it('reports a directory in place of the file', async () => {
    const loaded = await loadDirectory(dir);
    expect(!loaded.ok && loaded.error.code).toBe('directory_unreadable');
  });

  it('ships an example that maps every division of the bundled plan but one', async () => {
    const loaded = await loadDirectory(EXAMPLE_DIRECTORY);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const plan = await bundledPlan();
    expect(loaded.value.coordinator?.division).toBe(plan.coordinator);
    expect(unmappedDivisions(loaded.value, listDivisions(plan))).toEqual(['総務部管財課']);
    expect(channelFor(loaded.value, '総務部管財課')).toEqual({ channel: 'C0REFORM01', unmapped: true });
    // Every listed division is one the plan names: no typos.
    for (const division of loaded.value.divisions.keys()) expect(listDivisions(plan)).toContain(division);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.ts';
import type { Result } from '../../src/domain/result.ts';
import {
  detectPlanFormat,
  formatPlanJson,
  formatPlanYaml,
  parsePlanDocument,
  type PlanFileProblem,
} from '../../src/import/plan-file.ts';

const fixture = readFileSync(new URL('../fixtures/plan-r5.yaml', import.meta.url), 'utf8');

/** The 1-based line of the first line containing `needle`, so tests survive fixture edits. */
function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, index).split('\n').length;
}

function expectProblem(result: Result<Plan, PlanFileProblem>): PlanFileProblem {
  if (result.ok) throw new Error('expected the plan file to be rejected');
  expect(result.error.message).not.toContain('\n');
  return result.error;
}

function parsedFixture(): Plan {
  const result = parsePlanDocument(fixture, 'yaml', 'plan-r5.yaml');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parsePlanDocument', () => {
  it('reads a valid YAML plan', () => {
    const plan = parsedFixture();
    expect(plan.fiscalYear).toBe(2023);
    expect(plan.publishedOn).toBe('2023-05-31');
    expect(plan.pillars.map((pillar) => pillar.id)).toEqual(['I', 'II']);
    const item = plan.pillars[0]?.initiatives[0]?.items[1];
    expect(item?.owners).toEqual(['総務部法務・文書課', '出納局出納総務課']);
    expect(item?.milestones[1]).toEqual({
      id: '1-2-2',
      title: '会計事務の点検(出納局)',
      scheduleText: '随時',
      schedule: { kind: 'asNeeded' },
      owners: ['出納局出納総務課'],
    });
    expect(plan.pillars[0]?.initiatives[0]?.items[0]?.milestones[0]?.schedule).toEqual({
      kind: 'range',
      start: '2023-06',
      end: '2024-01',
    });
    expect(plan.pillars[1]?.initiatives[0]?.items[0]?.milestones.map((m) => m.schedule.kind)).toEqual([
      'monthly',
      'timesPerYear',
      'unscheduled',
    ]);
    expect(plan.warnings).toEqual([{ line: 33, text: '東世界の英佐…(済在)', reason: 'OCR garbage outside any table cell' }]);
  });

  it('defaults warnings to an empty list', () => {
    const text = fixture.slice(0, fixture.indexOf('warnings:'));
    const result = parsePlanDocument(text, 'yaml', 'plan.yaml', 'en');
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('names the path, the line and the valid kinds for an unknown schedule kind', () => {
    const text = fixture.replace('{ kind: monthly }', '{ kind: weekly }');
    const error = expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en'));
    const line = lineOf(text, 'kind: weekly');
    expect(error).toMatchObject({ code: 'plan_file_invalid', line, path: 'pillars[1].initiatives[0].items[0].milestones[0].schedule.kind' });
    expect(error.message).toBe(
      `plan.yaml:${line}: pillars[1].initiatives[0].items[0].milestones[0].schedule.kind: ` +
        'unknown schedule kind "weekly" (expected one of range, months, from, yearRound, asNeeded, monthly, timesPerYear, unscheduled)',
    );
  });

  it('rejects month 13', () => {
    const text = fixture.replace('start: 2023-06, end: 2024-01', 'start: 2023-13, end: 2024-01');
    const error = expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en'));
    expect(error.message).toBe(
      `plan.yaml:${lineOf(text, '2023-13')}: pillars[0].initiatives[0].items[0].milestones[0].schedule.start: ` +
        'month 13 is not a valid month (expected YYYY-MM)',
    );
  });

  it('rejects impossible dates', () => {
    const error = expectProblem(parsePlanDocument(fixture.replace('2023-05-31', '2023-02-30'), 'yaml', 'plan.yaml', 'en'));
    expect(error.message).toBe(`plan.yaml:${lineOf(fixture, 'publishedOn')}: publishedOn: "2023-02-30" is not a valid date (expected YYYY-MM-DD)`);
  });

  it('reports a missing title at its mapping', () => {
    const text = fixture.replace('            title: 文書管理の適正化\n', '');
    const error = expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en'));
    expect(error.message).toBe(
      `plan.yaml:${lineOf(text, 'id: 1-2')}: pillars[0].initiatives[0].items[1].title: required, but missing (expected text)`,
    );
  });

  it('reports a duplicate milestone id where it is reused', () => {
    const text = fixture.replace('id: 2-1-2', 'id: 1-1-2');
    const error = expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en'));
    expect(error.message).toBe(
      `plan.yaml:${lineOf(text, 'id: 1-1-2', fixture.indexOf('id: II'))}: pillars[1].initiatives[0].items[0].milestones[1].id: ` +
        'duplicate milestone id "1-1-2" (first used at pillars[0].initiatives[0].items[0].milestones[1])',
    );
  });

  it('rejects ids with spaces and unquoted numeric ids with a hint', () => {
    expect(expectProblem(parsePlanDocument(fixture.replace('id: 1-1-3', 'id: 1-1 3'), 'yaml', 'p.yaml', 'en')).message).toContain(
      'milestones[2].id: id "1-1 3" must not contain spaces',
    );
    expect(expectProblem(parsePlanDocument(fixture.replace('id: "2"', 'id: 2'), 'yaml', 'p.yaml', 'en')).message).toContain(
      'pillars[1].initiatives[0].id: expected text, got 2 (write it in quotes: "2")',
    );
  });

  it('rejects a division listed twice for one item', () => {
    const text = fixture.replace('              - 出納局出納総務課\n            milestones:', '              - 総務部法務・文書課\n            milestones:');
    expect(expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en')).message).toBe(
      `plan.yaml:${lineOf(text, '- 総務部法務・文書課', text.indexOf('- 総務部法務・文書課') + 1)}: pillars[0].initiatives[0].items[1].owners[1]: 総務部法務・文書課 is listed twice`,
    );
  });

  it('catches a misspelt key and suggests the right one', () => {
    const text = fixture.replace('schedule: { kind: yearRound }', 'shedule: { kind: yearRound }');
    // One mistake, one message: the missing `schedule` is not reported separately.
    expect(expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en')).message).toBe(
      `plan.yaml:${lineOf(text, 'shedule')}: pillars[0].initiatives[0].items[1].milestones[0].shedule: ` +
        'unknown key "shedule" (did you mean "schedule"?)',
    );
    const unknownOnly = fixture.replace('scheduleText: 通年', 'scheduleTxt: 通年');
    expect(expectProblem(parsePlanDocument(unknownOnly, 'yaml', 'plan.yaml', 'en')).message).toBe(
      `plan.yaml:${lineOf(unknownOnly, 'scheduleTxt')}: pillars[0].initiatives[0].items[1].milestones[0].scheduleTxt: ` +
        'unknown key "scheduleTxt" (did you mean "scheduleText"?)',
    );
  });

  it('rejects keys that do not belong to the schedule kind', () => {
    const text = fixture.replace('{ kind: monthly }', '{ kind: monthly, times: 2 }');
    expect(expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en')).message).toBe(
      `plan.yaml:${lineOf(text, 'kind: monthly')}: pillars[1].initiatives[0].items[0].milestones[0].schedule.times: ` +
        'unknown key "times" (allowed: kind)',
    );
  });

  it('rejects another version', () => {
    const error = expectProblem(parsePlanDocument(fixture.replace('version: 1', 'version: 2'), 'yaml', 'plan.yaml', 'en'));
    expect(error.message).toBe(`plan.yaml:${lineOf(fixture, 'version: 1')}: version: unsupported plan file version 2 (expected 1)`);
  });

  it('reports a YAML syntax error with its line', () => {
    const text = fixture.replace('{ kind: yearRound }', '{ kind: yearRound');
    const error = expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en'));
    expect(error.code).toBe('plan_file_syntax');
    expect(error.line).toBeGreaterThanOrEqual(lineOf(text, 'kind: yearRound'));
    expect(error.message).toMatch(new RegExp(`^plan\\.yaml:${error.line}: YAML syntax error: \\S`));
  });

  it('reports a JSON syntax error with its line', () => {
    const json = formatPlanJson(parsedFixture());
    const missingComma = json.replace('"fiscalYear": 2023,', '"fiscalYear": 2023');
    const error = expectProblem(parsePlanDocument(missingComma, 'json', 'plan.json', 'en'));
    expect(error).toMatchObject({ code: 'plan_file_syntax', line: lineOf(json, '"publishedOn"') });
    expect(error.message).toMatch(/^plan\.json:\d+: JSON syntax error: /);

    expect(expectProblem(parsePlanDocument(json.replace('"version": 1,', '"version": 1, "version": 1,'), 'json', 'plan.json', 'en')).message).toBe(
      `plan.json:${lineOf(json, '"version"')}: JSON error: duplicate key in an object`,
    );

    const badToken = json.replace('"version": 1', '"version": tru');
    expect(expectProblem(parsePlanDocument(badToken, 'json', 'plan.json', 'en')).line).toBe(lineOf(json, '"version"'));
  });

  it('reports JSON schema problems with their line', () => {
    const json = formatPlanJson(parsedFixture()).replace('"times": 3', '"times": 0');
    expect(expectProblem(parsePlanDocument(json, 'json', 'plan.json', 'en')).message).toBe(
      `plan.json:${lineOf(json, '"times": 0')}: pillars[1].initiatives[0].items[0].milestones[1].schedule.times: must be a positive whole number`,
    );
  });

  it('says so when the file is empty', () => {
    expect(expectProblem(parsePlanDocument('# nothing yet\n', 'yaml', 'plan.yaml', 'en')).message).toBe(
      'plan.yaml: the file is empty (expected a plan: version: 1, title, fiscalYear, pillars)',
    );
  });

  it('speaks Japanese by default: the coordinator who edits the file reads every problem in the session language', () => {
    const misspelt = fixture.replace('schedule: { kind: yearRound }', 'shedule: { kind: yearRound }');
    expect(expectProblem(parsePlanDocument(misspelt, 'yaml', 'plan.yaml')).message).toMatch(/: キー "shedule" は使えません \(「schedule」の誤りではありませんか\)$/);
    const badMonth = fixture.replace('2023-06', '2023-13').replace('{ kind: monthly }', '{ kind: weekly }');
    expect(expectProblem(parsePlanDocument(badMonth, 'yaml', 'plan.yaml')).message).toMatch(/13 月という月はありません .*\(ほか 1 件\)$/);
    const duplicate = expectProblem(parsePlanDocument(fixture.replace('id: 1-1-3', 'id: 1-1-2'), 'yaml', 'plan.yaml')).message;
    expect(duplicate).toContain('年次計画の行の id "1-1-2" が重複しています');
    expect(expectProblem(parsePlanDocument('# nothing yet\n', 'yaml', 'plan.yaml')).message).toContain('ファイルが空です');
    expect(expectProblem(parsePlanDocument('{"version": 1,, }', 'json', 'plan.json')).message).toContain('JSON の書き方が正しくありません');
    // The schema's own limits too, not only the parser's words.
    const ja = (text: string) => expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml')).message;
    expect(ja(fixture.replace('fiscalYear: 2023', 'fiscalYear: 5'))).toMatch(/fiscalYear: 年度が始まる年を西暦で書いてください \(令和5年度 = 2023\)$/u);
    expect(ja(fixture.replace('times: 3', 'times: 0'))).toMatch(/times: 1 以上の整数を書いてください$/u);
    expect(ja(fixture.replace('times: 3', 'times: 1.5'))).toMatch(/times: 整数を書いてください/u);
    expect(ja(fixture.replace('months: [2023-08, 2024-01]', 'months: []'))).toMatch(/months: 月を一つ以上書いてください$/u);
    expect(ja(fixture.replace('                owners:\n                  - 出納局出納総務課', '                owners: []'))).toMatch(/owners: 担当課を一つ以上書いてください/u);
  });

  it('counts the other problems', () => {
    const text = fixture.replace('2023-06', '2023-13').replace('{ kind: monthly }', '{ kind: weekly }');
    expect(expectProblem(parsePlanDocument(text, 'yaml', 'plan.yaml', 'en')).message).toMatch(/month 13 .* \(and 1 more\)$/);
  });
});

describe('formatting', () => {
  it('round-trips through YAML', () => {
    const plan = parsedFixture();
    const yaml = formatPlanYaml(plan, 'Edited by hand.\nKeep ids stable.');
    expect(yaml.startsWith('# Edited by hand.\n# Keep ids stable.\nversion: 1\ntitle: 令和5年度')).toBe(true);
    expect(yaml).toContain('schedule: { kind: range, start: 2023-06, end: 2024-01 }');
    expect(yaml).toContain('id: "1"');
    expect(parsePlanDocument(yaml, 'yaml', 'out.yaml')).toEqual({ ok: true, value: plan });
  });

  it('round-trips through JSON with keys in the documented order', () => {
    const plan = parsedFixture();
    const json = formatPlanJson(plan);
    expect(Object.keys(JSON.parse(json))).toEqual(['version', 'title', 'fiscalYear', 'publishedOn', 'coordinator', 'pillars', 'warnings']);
    expect(json).toContain('\n  "title": "令和5年度');
    expect(parsePlanDocument(json, 'json', 'out.json')).toEqual({ ok: true, value: plan });
  });

  it('leaves absent optional fields out and does not fold long lines', () => {
    const plan = parsedFixture();
    const { publishedOn: _publishedOn, coordinator: _coordinator, ...rest } = plan;
    const long = 'と'.repeat(300);
    const bare: Plan = { ...rest, title: long };
    const yaml = formatPlanYaml(bare);
    expect(yaml).not.toContain('publishedOn');
    expect(yaml).not.toContain('coordinator');
    expect(yaml).toContain(`title: ${long}\n`);
    expect(parsePlanDocument(yaml, 'yaml', 'out.yaml')).toEqual({ ok: true, value: bare });
  });
});

describe('detectPlanFormat', () => {
  it('tells the formats apart', () => {
    expect(detectPlanFormat('plan.txt', '  {"version": 1}')).toBe('json');
    expect(detectPlanFormat('plan.json', '')).toBe('json');
    expect(detectPlanFormat('plan.yml', 'anything')).toBe('yaml');
    expect(detectPlanFormat('plan.YAML', fixture)).toBe('yaml');
    expect(detectPlanFormat('plan.txt', fixture)).toBe('yaml');
    expect(detectPlanFormat('plan', 'title: x\nversion: 1\n')).toBe('yaml');
    expect(detectPlanFormat('seed.txt', '令和2年度 第三次三重県行財政改革取組\n<I スマート改革の推進>\t総務部人事課\n')).toBe('pdf-text');
    expect(detectPlanFormat('seed.txt', 'note: version: 2\n')).toBe('pdf-text');
  });
});

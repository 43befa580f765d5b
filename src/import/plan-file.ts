/**
 * The canonical plan file (SPEC §2.1): what a coordinator edits by hand and
 * what `import --json` prints. Reading never throws on a bad file; it returns
 * one line that says what is wrong and where.
 */
import { isMap, isScalar, LineCounter, parseDocument, Document, visit } from 'yaml';
import type { Plan, Schedule } from '../domain/plan.ts';
import { fail, ok, type Problem, type Result } from '../domain/result.ts';
import { lineOfJsonError, lineOfPath } from './document-lines.ts';
import { describeIssues } from './plan-issues.ts';
import { formatPath, planSchema } from './plan-schema.ts';
import { translator, type Lang, type Translate } from '../i18n/catalog.ts';

export type PlanFileFormat = 'yaml' | 'json';

/**
 * A plan file that cannot be read. `code` is `plan_file_syntax` (not YAML/JSON
 * at all) or `plan_file_invalid` (parsed, but not a valid plan); `line` is
 * 1-based; `path` is like `pillars[0].initiatives[1].id`.
 */
export type PlanFileProblem = Problem & { line?: number; path?: string };

/**
 * Reads a plan file into a Plan, or reports the first problem in document
 * order (plus how many more there are) on one line:
 * `plan.yaml:42: pillars[0]…schedule.kind: unknown schedule kind "weekly" (…)`.
 */
export function parsePlanDocument(text: string, format: PlanFileFormat, sourceName: string, lang: Lang = 'ja'): Result<Plan, PlanFileProblem> {
  const t = translator(lang);
  const body = stripBom(text);
  const lineCounter = new LineCounter();
  // Parsed in both formats: the nodes carry the offsets that turn a path into a line.
  const doc = parseDocument(body, { lineCounter });

  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = lineOfJsonError(body, message, doc, lineCounter);
      const what = (message.split('\n')[0] ?? '').replace(/ in JSON at position (\d+)$/, (_, position: string) =>
        t('planFile.jsonColumn', { column: lineCounter.linePos(Number(position)).col }),
      );
      return fail(syntaxProblem(sourceName, line, t('planFile.jsonSyntax', { detail: what })));
    }
    // JSON.parse keeps the last of two equal keys without a word; a hand edit that duplicates a key is a mistake.
    const duplicate = doc.errors.find((error) => error.code === 'DUPLICATE_KEY');
    if (duplicate) return fail(syntaxProblem(sourceName, duplicate.linePos?.[0].line, t('planFile.jsonDuplicateKey')));
  } else {
    const error = doc.errors[0];
    if (error) {
      const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return fail(syntaxProblem(sourceName, error.linePos?.[0].line, t('planFile.yamlSyntax', { detail: what })));
    }
    try {
      data = doc.toJS();
    } catch (error) {
      // Alias bombs and similar are rejected by toJS, not by the parser.
      return fail(syntaxProblem(sourceName, undefined, t('planFile.yamlError', { detail: error instanceof Error ? error.message : String(error) })));
    }
  }

  const parsed = planSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);

  const issues = describeIssues(parsed.error.issues, data, t)
    .map((issue, order) => ({ ...issue, order, line: lineOfPath(doc, lineCounter, issue.path) }))
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.order - b.order);
  const first = issues[0];
  if (!first) return fail({ code: 'plan_file_invalid', message: `${where(sourceName, undefined)}: ${t('planFile.invalid')}` });
  const path = formatPath(first.path);
  const more = issues.length > 1 ? t('planFile.more', { count: issues.length - 1 }) : '';
  return fail({
    code: 'plan_file_invalid',
    message: `${where(sourceName, first.line)}: ${path ? `${path}: ` : ''}${first.message}${more}`,
    ...(first.line !== undefined && { line: first.line }),
    ...(path && { path }),
  });
}

function syntaxProblem(sourceName: string, line: number | undefined, what: string): PlanFileProblem {
  return { code: 'plan_file_syntax', message: `${where(sourceName, line)}: ${what}`, ...(line !== undefined && { line }) };
}

function where(sourceName: string, line: number | undefined): string {
  return line === undefined ? sourceName : `${sourceName}:${line}`;
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Which reader a file needs: `json` when it starts with `{` (or is named
 * `.json`), `yaml` when named `.yaml`/`.yml` or when it is a YAML mapping with
 * a `version` key, and otherwise the text a PDF extractor produced.
 */
export function detectPlanFormat(fileName: string, text: string): PlanFileFormat | 'pdf-text' {
  const body = stripBom(text).trimStart();
  if (body.startsWith('{') || /\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  // A plan file that starts with `version:` is YAML even when broken, so its
  // author sees the YAML error rather than a page of PDF-text warnings.
  const firstLine = body.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#'));
  if (firstLine !== undefined && /^version\s*:/.test(firstLine)) return 'yaml';
  if (/^version\s*:/m.test(body)) {
    const doc = parseDocument(body);
    if (doc.errors.length === 0 && isMap(doc.contents) && doc.contents.has('version')) return 'yaml';
  }
  return 'pdf-text';
}

/**
 * The plan as YAML for hand editing: keys in SPEC §2.1 order, Japanese as
 * is, no line folding, each schedule on one line, and `headerComment` (if
 * any) as `# ` lines on top.
 */
export function formatPlanYaml(plan: Plan, headerComment?: string): string {
  const doc = new Document(orderPlan(plan));
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'schedule' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  const header = headerComment === undefined ? '' : headerComment.split('\n').map((line) => (line ? `# ${line}` : '#')).join('\n') + '\n';
  return header + doc.toString({ indent: 2, lineWidth: 0 });
}

/** The plan as JSON, 2-space indented, keys in SPEC §2.1 order; this is `import --json`. */
export function formatPlanJson(plan: Plan): string {
  return `${JSON.stringify(orderPlan(plan), null, 2)}\n`;
}

/** A copy with keys in the documented order and absent optional fields left out. */
function orderPlan(plan: Plan): object {
  return {
    version: plan.version,
    title: plan.title,
    fiscalYear: plan.fiscalYear,
    ...optional('publishedOn', plan.publishedOn),
    ...optional('coordinator', plan.coordinator),
    pillars: plan.pillars.map((pillar) => ({
      id: pillar.id,
      title: pillar.title,
      initiatives: pillar.initiatives.map((initiative) => ({
        id: initiative.id,
        title: initiative.title,
        items: initiative.items.map((item) => ({
          id: item.id,
          title: item.title,
          owners: [...item.owners],
          milestones: item.milestones.map((milestone) => ({
            id: milestone.id,
            title: milestone.title,
            ...optional('scheduleText', milestone.scheduleText),
            schedule: orderSchedule(milestone.schedule),
            ...optional('group', milestone.group),
            ...optional('owners', milestone.owners && [...milestone.owners]),
          })),
        })),
      })),
    })),
    warnings: plan.warnings.map((warning) => ({
      line: warning.line,
      text: warning.text,
      reason: warning.reason,
      ...optional('kind', warning.kind),
    })),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function orderSchedule(schedule: Schedule): Schedule {
  switch (schedule.kind) {
    case 'range':
      return { kind: schedule.kind, start: schedule.start, end: schedule.end };
    case 'months':
      return { kind: schedule.kind, months: [...schedule.months] };
    case 'from':
      return { kind: schedule.kind, start: schedule.start };
    case 'timesPerYear':
      return { kind: schedule.kind, times: schedule.times };
    default:
      return { kind: schedule.kind };
  }
}

// The import review report: lines not imported, lines repaired and imported,
// and 「要確認」 milestones, each under its own header; and a re-import diff
// that names changed pillar, initiative and item titles and owners.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDiff, renderWarnings } from '../../src/cli/render-plan.ts';
import { translator } from '../../src/i18n/catalog.ts';
import { reconcilePlan } from '../../src/import/reconcile.ts';
import { cli, tempWorkspace } from '../cli/run-cli.ts';
import { parseFixture } from './pdf-text/helpers.ts';

const t = translator('ja');
const SEED = new URL('../../config/plans/fy2020-mie.txt', import.meta.url).pathname;
const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

describe('the review part of the import report', () => {
  const { plan } = parseFixture('r6-rows-without-heading.txt');
  const report = renderWarnings(plan, t);

  it('separates lines not imported, lines repaired and imported, and 要確認 lines', () => {
    const headers = report.filter((line) => !line.startsWith(' ') && line !== '');
    expect(headers).toEqual([
      t('import.report.dropped', { count: 5 }),
      t('import.report.repaired', { count: 1 }),
      t('import.report.review', { count: 9 }),
    ]);
    const section = (header: string) => {
      const start = report.indexOf(header);
      const end = report.indexOf('', start);
      return report.slice(start + 1, end < 0 ? undefined : end).join('\n');
    };
    expect(section(headers[0]!)).toContain('秘伤印11别以以早在连床');
    expect(section(headers[0]!)).not.toContain('契約事務の調査');
    expect(section(headers[1]!)).toContain('女性職員の登用');
  });

  it('lists each 要確認 milestone with its line, its id and why', () => {
    const review = report.slice(report.indexOf(t('import.report.review', { count: 9 })) + 1).join('\n');
    expect(review).toContain('要確認 8行目 1-2-1 契約事務の調査');
    expect(review).toContain('要確認 8行目 1-2-2 試行導入');
    expect(review).toContain('要確認 23行目 5-1-2 管理職候補の育成研修');
    expect(review).toContain('7 行目で取組項目と担当課の欄が始めた「電子契約の導入」');
  });

  it('says so when there is nothing to review', () => {
    expect(renderWarnings({ ...plan, warnings: [] }, t)).toEqual([t('cli.noWarnings')]);
  });
});

describe('the re-import diff above the milestones', () => {
  const { plan } = parseFixture('r6-rows-without-heading.txt');

  it('names changed pillar, initiative and item titles, changed owners, added and removed items', () => {
    const next = structuredClone(plan);
    next.pillars[0]!.title = 'スマート県庁の実現';
    next.pillars[0]!.initiatives[1]!.title = '働き方の改革';
    const second = next.pillars[0]!.initiatives[0]!.items[1]!;
    second.title = '電子契約の本格導入';
    second.owners = ['出納局出納総務課', '総務部財政課'];
    next.pillars[0]!.initiatives[4]!.items.pop();
    const { diff } = reconcilePlan(plan, next);
    expect(renderDiff(diff, t).slice(diff.changed.length + 1)).toEqual([
      t('import.diff.structureHeader', { count: 5 }),
      '  ~ 柱 I: 「スマート県庁の推進」 → 「スマート県庁の実現」',
      '  ~ 取組項目 1-2: 「電子契約の導入」 → 「電子契約の本格導入」',
      '  ~ 取組項目 1-2 電子契約の本格導入 の担当課: 出納局出納総務課 → 出納局出納総務課、総務部財政課',
      '  ~ 具体的取組 2: 「働き方の見直し」 → 「働き方の改革」',
      '  - 取組項目 5-2 女性職員の登用',
    ]);
  });

  it('is empty for the same plan', () => {
    expect(reconcilePlan(plan, structuredClone(plan)).diff.structure).toEqual([]);
  });
});

describe('shinchoku import of the raw seed over the reviewed plan', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => ws.cleanup());

  it('shows the pillar title the review corrected, and the 要確認 lines', { timeout: 30_000 }, async () => {
    const env = { DATABASE_URL: ws.database };
    expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
    const run = await cli(['import', SEED, '--dry-run'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  ~ 柱 II: 「コンプライアンスの推進」 → 「ンプライアンスの推進」');
    expect(run.stdout).toContain(t('import.report.review', { count: 5 }));
    expect(run.stdout).toMatch(/要確認 34行目 7-1-1 事業提案の募集/);
  });
});

// Both READMEs carry a table of contents and cross-references (`[…](#anchor)`):
// each must land on a heading of the same file, as GitHub names its anchors,
// so a renamed or translated heading cannot leave a dead link behind.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gmu, '');
  for (const [, text] of outsideCode.matchAll(/^#{1,6} (.*)$/gmu)) {
    const base = text!.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /gu, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

describe.each(['README.md', 'README.ja.md'])('%s', (name) => {
  const markdown = readFileSync(new URL(name, ROOT), 'utf8');

  it('has a table of contents', () => {
    expect(markdown).toMatch(/^## (Contents|目次)$/mu);
  });

  it('links only to headings that exist in it, and to files that exist in the repository', () => {
    const anchors = anchorsOf(markdown);
    const links = [...markdown.replace(/^```[\s\S]*?^```/gmu, '').matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1]!);
    const deadAnchors = links.filter((link) => link.startsWith('#') && !anchors.has(decodeURIComponent(link.slice(1))));
    const missingFiles = links.filter((link) => !/^(#|[a-z]+:)/u.test(link) && !existsSync(new URL(link.split('#')[0]!, ROOT)));
    expect({ deadAnchors, missingFiles }).toEqual({ deadAnchors: [], missingFiles: [] });
  });
});

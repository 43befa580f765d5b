// The one escape helper of the dashboard, against what people try to inject.
import { expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../../src/adapters/web/html.ts';

const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '`${alert(1)}`',
  '</td></tr></table><iframe src="https://evil.example">',
  '&lt;already escaped&gt;',
];

it('leaves no markup character of user text in an element or a quoted attribute', () => {
  for (const text of INJECTIONS) {
    const out = html`<td title="${text}">${text}</td>`.value;
    expect(escapeHtml(text)).not.toMatch(/[<>"'`]/u);
    expect(out).toBe(`<td title="${escapeHtml(text)}">${escapeHtml(text)}</td>`);
  }
  expect(escapeHtml('&lt;')).toBe('&amp;lt;');
});

it('escapes inside arrays and numbers, keeps Html made by itself and trusted markup', () => {
  const items = ['<a>', 'b&c'];
  expect(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>');
  expect(html`${3}${null}${undefined}${false}`.value).toBe('3');
  expect(html`<div>${trusted('<svg></svg>')}</div>`.value).toBe('<div><svg></svg></div>');
});

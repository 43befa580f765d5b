/**
 * The digest chart PNG (issue 15 §4) drawn by the real resvg with the real
 * Japanese font: every label of the chart is in the picture. resvg leaves
 * out text it has no font for without a word, so each label is taken out of
 * the SVG in turn and the picture must change where it was drawn.
 */
import { describe, expect, it } from 'vitest';
import type { BurnUpPoint } from '../../../src/domain/burn-up.ts';
import { renderBurnUpChart } from '../../../src/adapters/charts/burn-up-chart.ts';
import { findChartFont, KNOWN_CHART_FONTS, type ChartFont } from '../../../src/adapters/charts/find-chart-font.ts';
import { createDigestChartRenderer, DIGEST_CHART_SIZE, rasterizeSvg, renderDigestChartPng } from '../../../src/adapters/charts/render-png.ts';
import type { DigestMessage } from '../../../src/app/ports.ts';
import { differingPixels, readIndexedPng } from './read-indexed-png.ts';

const FONT = findChartFont();

/** A year in October: six months with figures, six to come. */
const POINTS: BurnUpPoint[] = Array.from({ length: 12 }, (_, i) => ({
  month: `${i < 9 ? 2020 : 2021}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
  due: 3 + 5 * i,
  done: i < 7 ? 4 * i : null,
}));

/** Every <text> element of an SVG string, whole. */
function textElements(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>[^<]*<\/text>/gu)].map((m) => m[0]);
}

/** The labels whose removal leaves the picture unchanged: the ones not drawn. */
function undrawnLabels(svg: string, font: ChartFont): string[] {
  const whole = readIndexedPng(rasterizeSvg(svg, font));
  return textElements(svg)
    .filter((element) => differingPixels(whole, readIndexedPng(rasterizeSvg(svg.replace(element, ''), font))) < 10)
    .map((element) => element.replace(/<[^>]+>/gu, ''));
}

describe('digest chart PNG', () => {
  it('finds the Japanese font this machine has (fonts-ipaexfont-gothic; .ci/run installs it)', () => {
    expect(FONT).not.toBeNull();
    expect(KNOWN_CHART_FONTS.map((f) => f.path)).toContain(FONT!.path);
  });

  it.each(['ja', 'en'] as const)('draws every label of the burn-up (%s)', (lang) => {
    const svg = renderBurnUpChart(POINTS, lang, DIGEST_CHART_SIZE);
    const labels = textElements(svg).map((element) => element.replace(/<[^>]+>/gu, ''));
    // The title, the axis name, twelve months, the ticks and the legend.
    expect(labels).toEqual(expect.arrayContaining(lang === 'ja' ? ['年度の進み(累計)', '件', '4月', '3月', '期限到来', '完了'] : ['The year so far (cumulative)', 'Apr', 'Mar']));
    expect(undrawnLabels(svg, FONT!)).toEqual([]);
    // Two dozen renders, each loading the 4 MB font: generous on a loaded machine.
  }, 120_000);

  it('would see labels left out: with no usable font file every label is missing', () => {
    const svg = renderBurnUpChart(POINTS, 'ja', DIGEST_CHART_SIZE);
    const missing: ChartFont = { path: '/nonexistent/font.ttf', family: 'IPAexGothic', debianPackage: 'fonts-ipaexfont-gothic' };
    expect(undrawnLabels(svg, missing)).toEqual(textElements(svg).map((element) => element.replace(/<[^>]+>/gu, '')));
  }, 120_000);

  it('is a 16-colour PNG small enough to ride in a Teams card, the lines in their own colours', () => {
    const png = renderDigestChartPng(POINTS, 'ja', FONT!);
    const image = readIndexedPng(png);
    expect({ width: image.width, height: image.height }).toEqual(DIGEST_CHART_SIZE);
    // Measured 4–5 KB; its base64 in a card counts twice (UTF-16) against Teams' 40 KB.
    expect(png.length).toBeLessThan(8 * 1024);
    const colours = new Set(image.rgb);
    expect(colours.has(0x2f9e44)).toBe(true); // 完了
    expect(colours.has(0x8a8f98)).toBe(true); // 期限到来
    expect(colours.has(0xffffff)).toBe(true);
  });

  it('draws nothing without a font, saying so once, and nothing for a message without figures', () => {
    const warnings: string[] = [];
    const logger = { warn: (_fields: object, message: string) => void warnings.push(message) };
    const message = { type: 'digest', lang: 'ja', week: '2020-W42', late: false, manual: false, burnUp: POINTS } as unknown as DigestMessage;
    const none = createDigestChartRenderer(null, logger);
    expect(none(message)).toBeNull();
    expect(none(message)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('fonts-ipaexfont-gothic');

    const render = createDigestChartRenderer(FONT, logger);
    expect(render({ ...message, burnUp: undefined })).toBeNull();
    const image = render(message);
    expect(image).toMatchObject({ fileName: 'shinchoku-2020-W42.png', alt: '年度の進み(累計)', ...DIGEST_CHART_SIZE });
    expect(image!.png.equals(renderDigestChartPng(POINTS, 'ja', FONT!))).toBe(true);
  });

  it('finds the first known font present, or none', () => {
    const noto = KNOWN_CHART_FONTS.find((f) => f.family === 'Noto Sans CJK JP')!;
    expect(findChartFont(KNOWN_CHART_FONTS, (path) => path === noto.path)).toEqual(noto);
    expect(findChartFont(KNOWN_CHART_FONTS, () => false)).toBeNull();
  });
});

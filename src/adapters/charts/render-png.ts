/**
 * The digest's progress chart as a PNG (issue 15 §4): the dashboard's
 * burn-up (burn-up-chart.ts, the same SVG) with the digest's own figures,
 * rasterised by resvg with one known Japanese font and no system fonts, so
 * what the image shows never depends on what else the host has installed.
 * Without that font there is no image at all: resvg would leave every label
 * out without a word, and the digest goes as text alone.
 */
import { Resvg } from '@resvg/resvg-js';
import type { DigestMessage } from '../../app/ports.ts';
import type { BurnUpPoint } from '../../domain/burn-up.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { renderBurnUpChart } from './burn-up-chart.ts';
import type { ChartFont } from './find-chart-font.ts';
import { colourOf, writeIndexedPng } from './write-indexed-png.ts';

/**
 * The chart's size in pixels. At 600×260 and 16 colours a fiscal year's
 * burn-up is about 4–5 KB of PNG (measured: 4,271 bytes for a busy year), so
 * its base64 fits a Teams card beside the digest's text.
 */
export const DIGEST_CHART_SIZE = Object.freeze({ width: 600, height: 260 });

const BACKGROUND = 0xffffff;

/** A rendered digest chart, ready to upload or to inline. */
export interface DigestChartImage {
  png: Buffer;
  width: number;
  height: number;
  /** What the image shows, for screen readers and where images are off. */
  alt: string;
  /** A file name for an upload, e.g. `shinchoku-2020-W38.png`. */
  fileName: string;
}

/** The chart of a digest message, or null when there is nothing to draw with or nothing to draw. */
export type DigestChartRenderer = (message: DigestMessage) => DigestChartImage | null;

export interface ChartLogger {
  warn(fields: object, message: string): void;
}

/** `svg` as a palette PNG drawn with `font` alone. */
export function rasterizeSvg(svg: string, font: ChartFont): Buffer {
  const image = new Resvg(svg, {
    font: { fontFiles: [font.path], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
    background: '#ffffff',
    logLevel: 'off',
  }).render();
  return writeIndexedPng(image.width, image.height, image.pixels, [BACKGROUND, ...svgColours(svg)]);
}

/** The burn-up of `points` as the digest's PNG. */
export function renderDigestChartPng(points: readonly BurnUpPoint[], lang: Lang, font: ChartFont): Buffer {
  return rasterizeSvg(renderBurnUpChart(points, lang, DIGEST_CHART_SIZE), font);
}

/**
 * The renderer the chat adapters use: null for every message when `font` is
 * null (said once, here, when the adapters are built), for a message without
 * figures (an outbox row written before the chart existed), and when resvg
 * fails (logged; the text digest still goes).
 */
export function createDigestChartRenderer(font: ChartFont | null, logger: ChartLogger): DigestChartRenderer {
  if (font === null) {
    logger.warn({}, 'no Japanese font for the digest chart; digests are posted without it (install fonts-ipaexfont-gothic)');
    return () => null;
  }
  return (message) => {
    const points = message.burnUp;
    if (points === undefined || points.length === 0) return null;
    try {
      const png = renderDigestChartPng(points, message.lang, font);
      return { png, ...DIGEST_CHART_SIZE, alt: translator(message.lang)('web.chart.burnUpTitle'), fileName: `shinchoku-${message.week}.png` };
    } catch (error) {
      logger.warn({ week: message.week, err: error instanceof Error ? error.message : String(error) }, 'digest chart not drawn; the digest is posted without it');
      return null;
    }
  };
}

/** The solid colours the SVG paints with. */
function svgColours(svg: string): number[] {
  const colours: number[] = [];
  for (const m of svg.matchAll(/\b(?:fill|stroke)="(#[0-9a-f]{3,6})"/giu)) {
    const colour = colourOf(m[1]!);
    if (colour !== null) colours.push(colour);
  }
  return colours;
}

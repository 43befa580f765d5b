/**
 * The one Japanese font the digest chart is drawn with (issue 15 §4). resvg
 * draws only the fonts it is given and silently leaves out text it has no
 * font for, so the chart PNG is made only when one of these files exists:
 * an image with its labels missing would say nothing and look broken.
 */
import { existsSync } from 'node:fs';

export interface ChartFont {
  /** The font file handed to resvg. */
  path: string;
  /** Its family name, as the charts' SVG names it (CHART_FONT_FAMILY). */
  family: string;
  /** The Debian package that installs it. */
  debianPackage: string;
}

/**
 * Where Debian and Ubuntu install the fonts CHART_FONT_FAMILY names, in its
 * order. The Noto file is a collection (.ttc) holding the JP face among others;
 * resvg reads every face and picks the family by name.
 */
export const KNOWN_CHART_FONTS: readonly ChartFont[] = Object.freeze([
  { path: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf', family: 'IPAexGothic', debianPackage: 'fonts-ipaexfont-gothic' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' },
  { path: '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' },
]);

/** The package doctor suggests when no font is found. */
export const SUGGESTED_FONT_PACKAGE = 'fonts-ipaexfont-gothic';

/** The first known font whose file exists, or null when there is none. */
export function findChartFont(candidates: readonly ChartFont[] = KNOWN_CHART_FONTS, exists: (path: string) => boolean = existsSync): ChartFont | null {
  return candidates.find((font) => exists(font.path)) ?? null;
}

/**
 * Apache ECharts rendered on the server to an SVG string (issue 15 §3): no
 * DOM, no script in the page. One chart instance per drawing, disposed
 * after, so nothing is kept between requests.
 */
import * as echarts from 'echarts';

/** The fonts named in the SVG: the browser picks the first it has; resvg (the digest PNG) is given one of them. */
export const CHART_FONT_FAMILY = "'IPAexGothic', 'IPAexゴシック', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Draws `option` as a standalone SVG document string. ECharts' hover
 * stylesheet is dropped: a static image has no hover, and the page's
 * Content-Security-Policy allows no inline <style> but its own.
 */
export function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return chart.renderToSVGString().replace(/<style\b[^>]*>[\s\S]*?<\/style>/gu, '');
  } finally {
    chart.dispose();
  }
}

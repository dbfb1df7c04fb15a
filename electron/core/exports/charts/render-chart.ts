import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { robotoFiles } from '../fonts';

/**
 * Renders an ECharts option to an SVG string with ECharts' server-side renderer (no DOM, no canvas).
 * The instance is disposed right away; options are static (animation off), so the SVG is the final picture.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises an SVG to PNG with resvg, using only pdfmake's Roboto files (system fonts off) so the pixels do not
 * depend on the machine. `pixelWidth` is the output width; height follows the aspect ratio.
 */
export function svgToPng(svg: string, pixelWidth: number): Buffer {
  const fonts = robotoFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pixelWidth },
    background: '#ffffff',
    font: { fontFiles: [fonts.normal, fonts.bold], loadSystemFonts: false, defaultFontFamily: 'Roboto' },
  });
  return resvg.render().asPng();
}

/** Option -> PNG in one step, rendered at `scale` times the CSS size for a crisp image in Excel. */
export function renderChartPng(option: EChartsOption, width: number, height: number, scale = 2): Buffer {
  return svgToPng(renderChartSvg(option, width, height), Math.round(width * scale));
}

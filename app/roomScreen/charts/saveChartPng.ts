import {
  chartPngFileName,
  chartSvgDocument,
  resolveCssVariables,
  scaledSize,
  svgDataUrl,
  type PlacedSvg,
  type PlacedText,
} from '@/lib/charts/pngExport';

/** Pixels per CSS pixel of the saved image: sharp on slides and in print. */
const PNG_SCALE = 2;
const MAX_PNG_SIDE_PX = 4_096;
const PADDING_PX = 16;
const TITLE_FONT_PX = 16;
const TITLE_HEIGHT_PX = 28;
const LEGEND_FONT_PX = 13;
/** The object URL lives long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 10_000;

function serialise(svg: SVGSVGElement, widthPx: number, heightPx: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(widthPx));
  copy.setAttribute('height', String(heightPx));
  return new XMLSerializer().serializeToString(copy);
}

/** The plot's SVG and its HTML legend (recharts draws the legend as a list), as parts placed relative to the plot. */
function plotParts(plot: HTMLElement): { svgs: PlacedSvg[]; texts: PlacedText[] } {
  const origin = plot.getBoundingClientRect();
  const svgs: PlacedSvg[] = [];
  const texts: PlacedText[] = [];
  const place = (svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    svgs.push({ x: box.left - origin.left, y: box.top - origin.top, markup: serialise(svg, box.width, box.height) });
  };
  plot.querySelectorAll<SVGSVGElement>('.recharts-wrapper > svg').forEach(place);
  plot.querySelectorAll<HTMLElement>('.recharts-legend-item').forEach((item) => {
    const icon = item.querySelector('svg');
    if (icon) place(icon);
    const label = item.querySelector<HTMLElement>('.chart-legend-label, .recharts-legend-item-text');
    if (!label?.textContent) return;
    const box = label.getBoundingClientRect();
    texts.push({ x: box.left - origin.left, y: box.top - origin.top + box.height * 0.78, text: label.textContent, fontSizePx: LEGEND_FONT_PX });
  });
  return { svgs, texts };
}

/** The chart as a standalone SVG document: its title above the plot, the theme's colours resolved. */
export function chartSvg(figure: HTMLElement, title: string): string | null {
  const plot = figure.querySelector<HTMLElement>('.chart-plot');
  if (!plot) return null;
  const style = getComputedStyle(figure);
  const plotBox = plot.getBoundingClientRect();
  const parts = plotParts(plot);
  const shift = (y: number) => y + PADDING_PX + TITLE_HEIGHT_PX;
  const svgText = chartSvgDocument({
    widthPx: Math.ceil(plotBox.width + 2 * PADDING_PX),
    heightPx: Math.ceil(plotBox.height + 2 * PADDING_PX + TITLE_HEIGHT_PX),
    background: style.backgroundColor,
    textColor: style.color,
    fontFamily: style.fontFamily,
    svgs: parts.svgs.map((part) => ({ ...part, x: part.x + PADDING_PX, y: shift(part.y) })),
    texts: [
      { x: PADDING_PX, y: PADDING_PX + TITLE_FONT_PX, text: title, fontSizePx: TITLE_FONT_PX, fontWeight: 600 },
      ...parts.texts.map((text) => ({ ...text, x: text.x + PADDING_PX, y: shift(text.y) })),
    ],
  });
  return resolveCssVariables(svgText, (name) => style.getPropertyValue(name));
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart image could not be drawn'));
    image.src = url;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG was made'))), 'image/png'));
}

/** Draws the chart of `figure` on a canvas with the theme's background and downloads it as `<chart-id>.png`. */
export async function saveChartPng(figure: HTMLElement, chartId: string, title: string): Promise<void> {
  const svg = chartSvg(figure, title);
  if (!svg) throw new Error('this chart has no plot to save');
  const image = await loadImage(svgDataUrl(svg));
  const size = scaledSize(image.width, image.height, PNG_SCALE, MAX_PNG_SIDE_PX);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the chart');
  context.fillStyle = getComputedStyle(figure).backgroundColor;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(size.scale, size.scale);
  context.drawImage(image, 0, 0);
  const url = URL.createObjectURL(await canvasBlob(canvas));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = chartPngFileName(chartId);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/**
 * Pure helpers to turn a chart drawn in the page (SVG styled with CSS variables) into a standalone SVG document that
 * an <img> can load and a canvas can draw: CSS variables resolved, parts placed, text escaped.
 */

/** A piece of SVG markup (a serialised <svg>) placed at `x`, `y` of the exported image. */
export interface PlacedSvg {
  x: number;
  y: number;
  markup: string;
}

/** A line of text drawn into the exported image (the chart title, legend labels). */
export interface PlacedText {
  x: number;
  /** The text's baseline. */
  y: number;
  text: string;
  fontSizePx: number;
  fontWeight?: number;
}

export interface ChartImageParts {
  widthPx: number;
  heightPx: number;
  background: string;
  textColor: string;
  fontFamily: string;
  svgs: readonly PlacedSvg[];
  texts: readonly PlacedText[];
}

const CSS_VARIABLE = /var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;
/** Variables can refer to variables: resolve a few levels deep, never loop forever. */
const MAX_VARIABLE_DEPTH = 4;

/**
 * Replaces every `var(--name)` (or `var(--name, fallback)`) in `markup` by its value: an image has no stylesheet,
 * so a fill of `var(--accent)` would otherwise draw black. Unknown variables take their fallback, or `currentColor`.
 */
export function resolveCssVariables(markup: string, valueOf: (name: string) => string | undefined): string {
  let resolved = markup;
  for (let depth = 0; depth < MAX_VARIABLE_DEPTH && resolved.includes('var('); depth++) {
    resolved = resolved.replace(CSS_VARIABLE, (_match, name: string, fallback: string | undefined) => {
      const value = valueOf(name)?.trim();
      return value ? value : (fallback?.trim() ?? 'currentColor');
    });
  }
  return resolved;
}

/** Text or an attribute value made safe inside XML. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One standalone SVG document: a background, the placed SVG parts, and the texts. */
export function chartSvgDocument(parts: ChartImageParts): string {
  const { widthPx, heightPx } = parts;
  const texts = parts.texts.map(
    (t) =>
      `<text x="${round(t.x)}" y="${round(t.y)}" font-size="${t.fontSizePx}"${t.fontWeight ? ` font-weight="${t.fontWeight}"` : ''}>${escapeXml(t.text)}</text>`,
  );
  const svgs = parts.svgs.map((part) => `<g transform="translate(${round(part.x)} ${round(part.y)})">${part.markup}</g>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}"`,
    ` font-family="${escapeXml(parts.fontFamily)}" color="${escapeXml(parts.textColor)}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(parts.background)}"/>`,
    ...svgs,
    `<g fill="${escapeXml(parts.textColor)}">${texts.join('')}</g>`,
    '</svg>',
  ].join('');
}

/** A data URL an <img> can load: the SVG as UTF-8 text. */
export function svgDataUrl(svgDocument: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgDocument)}`;
}

/** The file a chart is saved as. */
export function chartPngFileName(chartId: string): string {
  return `${chartId}.png`;
}

/** Sizes of an image drawn `scale` times larger for sharp pixels, never over `maxSidePx` on a side. */
export function scaledSize(widthPx: number, heightPx: number, scale: number, maxSidePx: number): { width: number; height: number; scale: number } {
  const fitted = Math.max(1, Math.min(scale, maxSidePx / Math.max(widthPx, heightPx, 1)));
  return { width: Math.round(widthPx * fitted), height: Math.round(heightPx * fitted), scale: fitted };
}

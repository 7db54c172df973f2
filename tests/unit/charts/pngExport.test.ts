import { describe, expect, it } from 'vitest';
import { chartPngFileName, chartSvgDocument, escapeXml, resolveCssVariables, scaledSize, svgDataUrl } from '@/lib/charts/pngExport';

const theme: Record<string, string> = { '--accent': '#56b4e9', '--text': ' #e8edf2 ', '--alias': 'var(--accent)' };
const lookup = (name: string) => theme[name];

describe('resolveCssVariables', () => {
  it.each([
    ['<rect fill="var(--accent)"/>', '<rect fill="#56b4e9"/>'],
    ['<text fill="var( --text )">', '<text fill="#e8edf2">'],
    ['<rect fill="var(--missing, #123456)"/>', '<rect fill="#123456"/>'],
    ['<rect fill="var(--missing)"/>', '<rect fill="currentColor"/>'],
    ['<rect fill="var(--alias)"/>', '<rect fill="#56b4e9"/>'],
    ['<rect fill="var(--missing, rgb(1, 2, 3))"/>', '<rect fill="rgb(1, 2, 3)"/>'],
    ['<rect fill="red"/>', '<rect fill="red"/>'],
  ])('%s -> %s', (markup, resolved) => {
    expect(resolveCssVariables(markup, lookup)).toBe(resolved);
  });

  it('stops on variables that refer to each other', () => {
    const loop = (name: string) => (name === '--a' ? 'var(--b)' : 'var(--a)');
    expect(resolveCssVariables('var(--a)', loop)).toMatch(/^var\(--[ab]\)$/);
  });
});

describe('chartSvgDocument', () => {
  const svg = chartSvgDocument({
    widthPx: 300,
    heightPx: 200,
    background: 'rgb(24, 32, 41)',
    textColor: '#fff',
    fontFamily: 'system-ui, "Segoe UI"',
    svgs: [{ x: 16, y: 44.123, markup: '<svg width="10" height="10"></svg>' }],
    texts: [{ x: 16, y: 32, text: 'Deaths <so far> & more', fontSizePx: 16, fontWeight: 600 }],
  });

  it('is a standalone SVG of the given size with a background', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('width="300" height="200" viewBox="0 0 300 200"');
    expect(svg).toContain('<rect width="100%" height="100%" fill="rgb(24, 32, 41)"/>');
  });

  it('places the parts and escapes the text and attributes', () => {
    expect(svg).toContain('<g transform="translate(16 44.12)"><svg width="10" height="10"></svg></g>');
    expect(svg).toContain('font-size="16" font-weight="600">Deaths &lt;so far&gt; &amp; more</text>');
    expect(svg).toContain('font-family="system-ui, &quot;Segoe UI&quot;"');
  });
});

describe('small helpers', () => {
  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('makes an SVG data URL', () => {
    expect(svgDataUrl('<svg a="#"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22%23%22%2F%3E');
  });

  it('names the file after the chart', () => {
    expect(chartPngFileName('reported-deaths')).toBe('reported-deaths.png');
  });

  it.each([
    [300, 200, 2, 4096, { width: 600, height: 400, scale: 2 }],
    [3000, 200, 2, 4096, { width: 4096, height: 273, scale: 4096 / 3000 }],
    [5000, 200, 2, 4096, { width: 5000, height: 200, scale: 1 }],
  ])('scales %i x %i by %i within %i', (w, h, scale, max, expected) => {
    expect(scaledSize(w, h, scale, max)).toEqual(expected);
  });
});

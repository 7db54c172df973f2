/** TimelineJS reads headlines and texts as HTML: plain text goes in escaped, and comes back out unescaped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const BLOCK_BREAK = /<\s*(?:br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi;

/**
 * The text of a piece of HTML: tags dropped (a line break or the end of a paragraph becomes a line break), the
 * entities a text needs decoded. The exact inverse of `escapeHtml` on text it escaped.
 */
export function htmlToText(html: string): string {
  return html
    .replace(BLOCK_BREAK, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16), entity);
      if (body.startsWith('#')) return safeCodePoint(Number(body.slice(1)), entity);
      return NAMED[body.toLowerCase()] ?? entity;
    })
    .trim();
}

function safeCodePoint(code: number, entity: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

import { MAX_SLUG_CHARS } from '../events/eventTypes';

/** A slug suggested from a title: lowercase ASCII letters and digits joined by single hyphens (accents dropped). */
export function slugFromTitle(title: string, maxChars = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > Math.min(maxChars, MAX_SLUG_CHARS)) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, Math.min(maxChars, MAX_SLUG_CHARS));
}

/** `base`, or `base-2`, `base-3`… : the first not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

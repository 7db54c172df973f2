'use client';

import type { ParagraphPoint } from '@/lib/studio/passageOffsets';

/**
 * DOM positions in the studio's source text, which renders each paragraph as one `<p data-paragraph={i}>` holding
 * exactly the paragraph's text. A DOM offset in a text node counts UTF-16 code units, as source offsets do.
 */

function paragraphElementOf(node: Node, container: HTMLElement): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>('[data-paragraph]') ?? null;
  return paragraph && container.contains(paragraph) ? paragraph : null;
}

/** The paragraph point of a DOM point inside the container, or undefined outside it. */
export function paragraphPointOf(container: HTMLElement, node: Node, offset: number): ParagraphPoint | undefined {
  if (!container.contains(node)) return undefined;
  const paragraph = paragraphElementOf(node, container);
  if (!paragraph) {
    // A point between paragraphs (on the container itself): the start of the paragraph after it, or the end of the last.
    if (node !== container) return undefined;
    const after = container.childNodes[offset];
    if (after instanceof HTMLElement && after.dataset.paragraph !== undefined) return { paragraphIndex: Number(after.dataset.paragraph), unitsBefore: 0 };
    const before = container.childNodes[offset - 1];
    if (before instanceof HTMLElement && before.dataset.paragraph !== undefined) {
      return { paragraphIndex: Number(before.dataset.paragraph), unitsBefore: before.textContent?.length ?? 0 };
    }
    return undefined;
  }
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return { paragraphIndex: Number(paragraph.dataset.paragraph), unitsBefore: range.toString().length };
}

/** Selects source offsets `start`-`end` in the container (both inside rendered paragraphs). */
export function selectSourceRange(container: HTMLElement, paragraphStarts: readonly number[], start: number, end: number): void {
  const locate = (offset: number): [Node, number] | undefined => {
    let index = -1;
    for (let i = 0; i < paragraphStarts.length; i += 1) if ((paragraphStarts[i] ?? Infinity) <= offset) index = i;
    const element = container.querySelector(`[data-paragraph="${index}"]`);
    const text = element?.firstChild;
    return text ? [text, offset - (paragraphStarts[index] ?? 0)] : undefined;
  };
  const from = locate(start);
  const to = locate(end);
  const selection = window.getSelection();
  if (from && to && selection) selection.setBaseAndExtent(from[0], from[1], to[0], to[1]);
}

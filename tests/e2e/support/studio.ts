import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Selects the `occurrence`-th (0-based) occurrence of `passage` in the studio's source text with the selection API,
 * as a mouse drag would, and waits until the studio names it.
 */
export async function selectInSource(page: Page, passage: string, occurrence = 0): Promise<void> {
  await page.getByTestId('source-text').evaluate(
    (container, [text, wanted]) => {
      let seen = 0;
      for (const paragraph of container.querySelectorAll('[data-paragraph]')) {
        const node = paragraph.firstChild;
        const content = node?.textContent ?? '';
        for (let at = content.indexOf(text); node && at >= 0; at = content.indexOf(text, at + 1)) {
          if (seen === wanted) {
            window.getSelection()?.setBaseAndExtent(node, at, node, at + text.length);
            return;
          }
          seen += 1;
        }
      }
      throw new Error(`"${text}" occurs ${seen} times in the source, not ${wanted + 1}`);
    },
    [passage, occurrence] as const,
  );
  await expect(page.getByTestId('selected-passage')).toContainText(passage);
}

export const eventForm = (page: Page): Locator => page.getByTestId('event-form');

/** Fills what every event needs besides its quote and time. */
export async function describeEvent(page: Page, fields: { type: string; title: string; summary: string; attribution: string }): Promise<void> {
  const form = eventForm(page);
  await form.getByLabel('Type').selectOption(fields.type);
  await form.locator('#event-title').fill(fields.title);
  await form.locator('#event-summary').fill(fields.summary);
  await form.getByLabel('Attribution (who says so)').fill(fields.attribution);
}

/** Accepts the date suggestion made from `words`, and returns the date it set. */
export async function acceptSuggestion(page: Page, words: string | RegExp): Promise<void> {
  const suggestion = eventForm(page).getByRole('list', { name: 'Date suggestions' }).getByRole('listitem').filter({ hasText: words }).first();
  await suggestion.getByRole('button', { name: /^Accept/ }).click();
  await expect(suggestion).toHaveAttribute('data-accepted', 'true');
}

/** Serious and critical axe-core findings on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

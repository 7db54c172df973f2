import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Automated checks (axe-core) for names, roles, contrast and structure: the serious and critical findings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

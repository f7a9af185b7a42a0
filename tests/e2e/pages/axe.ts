import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Violations that block or seriously hinder users; each is reported with the elements it hits. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

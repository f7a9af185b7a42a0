import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SignInPage } from './pages/SignInPage.ts';

/** Violations that block or seriously hinder users; each is reported with the elements it hits. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('the sign-in page has no serious or critical accessibility violations', async ({ page }) => {
  await new SignInPage(page).goto();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the roster page has no serious or critical accessibility violations', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  // A resident in the list and a "saved" message put the list, badge and status styles under test too.
  await roster.addResident('Axel', 'Tilgjengelig');
  await expect(roster.saved).toBeVisible();
  await expect(roster.notSyncedBadge(roster.resident('Axel', 'Tilgjengelig'))).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

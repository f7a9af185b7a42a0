import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_USER } from '../testEnv.ts';
import { RosterPage } from './RosterPage.ts';

/** The sign-in screen, found the way a screen-reader user finds it: by labels and roles. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly language: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('Brukernavn');
    this.password = page.getByLabel('Passord');
    this.submit = page.getByRole('button', { name: 'Logg inn' });
    this.error = page.getByRole('alert');
    this.language = page.getByLabel('Språk');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.username).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in as a mapper that global setup created (the first by default) and waits for the roster. */
  async signInAsMapper(user: { username: string; password: string } = E2E_USER): Promise<RosterPage> {
    await this.goto();
    await this.signIn(user.username, user.password);
    const roster = new RosterPage(this.page);
    await roster.expectOpen();
    return roster;
  }
}

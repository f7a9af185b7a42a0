import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_PIN, E2E_USER } from '../testEnv.ts';
import { RosterPage } from './RosterPage.ts';

/** The sign-in screen, found the way a screen-reader user finds it: by labels and roles. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly language: Locator;
  /** The locked screen (every start, after idle or a long hide): its heading, PIN field and button. */
  readonly locked: Locator;
  readonly pin: Locator;
  readonly unlockButton: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('Brukernavn');
    this.password = page.getByLabel('Passord');
    this.submit = page.getByRole('button', { name: 'Logg inn' });
    this.error = page.getByRole('alert');
    this.language = page.getByLabel('Språk');
    this.locked = page.getByRole('heading', { name: 'Nettbrettet er låst' });
    this.pin = page.getByLabel('PIN-kode', { exact: true });
    this.unlockButton = page.getByRole('button', { name: 'Lås opp' });
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

  /** After a first sign-in: chooses the PIN (typed twice) that seals the tablet's data. */
  async choosePin(pin: string = E2E_PIN): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Velg en PIN-kode' })).toBeVisible();
    await this.page.getByLabel('Ny PIN-kode').fill(pin);
    await this.page.getByLabel('Gjenta PIN-koden').fill(pin);
    await this.page.getByRole('button', { name: 'Lagre PIN-koden' }).click();
  }

  /** On the locked screen: enters the PIN. */
  async unlock(pin: string = E2E_PIN): Promise<void> {
    await expect(this.locked).toBeVisible();
    await this.pin.fill(pin);
    await this.unlockButton.click();
  }

  /** A reload locks the app (the key is only in memory): reloads and unlocks. */
  async reloadAndUnlock(): Promise<void> {
    await this.page.reload();
    await this.unlock();
  }

  /** Signs in as a mapper that global setup created (the first by default) and waits for the roster. */
  async signInAsMapper(user: { username: string; password: string } = E2E_USER): Promise<RosterPage> {
    await this.goto();
    await this.signIn(user.username, user.password);
    await this.choosePin();
    const roster = new RosterPage(this.page);
    await roster.expectOpen();
    return roster;
  }
}

import { tick } from 'svelte';

/**
 * The signed-in screens. There is no router: a view lives in memory only, so no record id (let alone
 * a name) ever appears in a URL, the history or a server log.
 */
export type View =
  | { screen: 'roster' }
  | { screen: 'resident'; residentId: string }
  | { screen: 'mapping'; residentId: string }
  | { screen: 'conflicts'; entityId?: string; returnTo?: View }
  | { screen: 'attention' }
  | { screen: 'openExport' }
  | { screen: 'admin' }
  | { screen: 'import' }
  | { screen: 'plan' }
  | { screen: 'weeklyList' }
  | { screen: 'interpreterOrders' };

/** Which screen is open, and where keyboard focus goes when it changes. */
class Navigation {
  current = $state<View>({ screen: 'roster' });
  #returnFocus: HTMLElement | null = null;
  #focusHeading = false;

  /** Opens a screen; its heading takes focus, and `back` returns focus to what opened it from the roster. */
  show(view: View): void {
    if (this.current.screen === 'roster' && document.activeElement instanceof HTMLElement) {
      this.#returnFocus = document.activeElement;
    }
    this.current = view;
    this.#focusHeading = true;
  }

  back(): void {
    const target = this.#returnFocus;
    this.#returnFocus = null;
    this.current = { screen: 'roster' };
    void tick().then(() => {
      if (target?.isConnected) target.focus();
      else document.getElementById('roster-title')?.focus();
    });
  }

  reset(): void {
    this.current = { screen: 'roster' };
    this.#returnFocus = null;
    this.#focusHeading = false;
  }

  /** Whether a screen's heading, just mounted, should take focus (once per `show`). */
  claimFocus(): boolean {
    const claim = this.#focusHeading;
    this.#focusHeading = false;
    return claim;
  }
}

export const navigation = new Navigation();

/** Called when a screen mounts: its heading (tabindex="-1") takes focus if the user just opened it. */
export function focusWhenOpened(headingId: string): void {
  if (navigation.claimFocus()) document.getElementById(headingId)?.focus();
}

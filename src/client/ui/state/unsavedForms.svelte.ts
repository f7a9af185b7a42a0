/**
 * Forms holding typed input that is not yet saved. The update prompt refuses to reload while any
 * is open, so an app update never throws away what the mapper is typing.
 */
class UnsavedForms {
  #ids = $state<string[]>([]);

  set(formId: string, dirty: boolean): void {
    const has = this.#ids.includes(formId);
    if (dirty && !has) this.#ids = [...this.#ids, formId];
    if (!dirty && has) this.#ids = this.#ids.filter((id) => id !== formId);
  }

  get any(): boolean {
    return this.#ids.length > 0;
  }
}

export const unsavedForms = new UnsavedForms();

// Closing the tab with unsaved input asks first.
window.addEventListener('beforeunload', (e) => {
  if (unsavedForms.any) e.preventDefault();
});

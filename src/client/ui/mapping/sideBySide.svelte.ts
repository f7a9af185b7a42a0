import type { ResidentLanguage } from '../../../domain/residentLanguages.ts';
import { languageMetas } from '../../resident-info/catalog.ts';
import { fontStack, loadFont } from '../../resident-info/fonts/loadFont.ts';
import { loadFormLabels, type FormLabels } from './formLabels.ts';

/** The resident's language shown beside the form's: its labels, direction (from metadata) and font. */
export interface SideLanguage {
  labels: FormLabels;
  /** Its own name, in its own script. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** CSS font stack: the bundled font first where the script needs one (Arabic, Ethiopic). */
  font: string;
}

/**
 * The side-by-side view's state, shared by the mapping screen's questions: off, or one language. A
 * choice made while an earlier one still loads wins; a failed load leaves the view off and says so.
 */
class SideBySide {
  current = $state<SideLanguage | null>(null);
  failed = $state(false);
  #asked = 0;

  async show(code: ResidentLanguage | null): Promise<void> {
    const asked = ++this.#asked;
    this.failed = false;
    if (code === null) {
      this.current = null;
      return;
    }
    const meta = languageMetas().find((m) => m.code === code)?.meta;
    try {
      if (!meta) throw new Error(`No metadata for "${code}".`);
      const [labels] = await Promise.all([loadFormLabels(code), loadFont(meta.font)]);
      if (asked !== this.#asked) return;
      this.current = { labels, name: meta.name, dir: meta.dir, font: fontStack(meta.font) };
    } catch {
      if (asked !== this.#asked) return;
      this.current = null;
      this.failed = true;
    }
  }
}

export const sideBySide = new SideBySide();

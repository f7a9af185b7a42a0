import type { InfoFont } from '../schema.ts';

/**
 * Loads the bundled font a language's metadata names, only when that language is shown. The files are
 * precached by the service worker, so this works offline. Resolves when the faces are ready to paint.
 */
const modules: Record<Exclude<InfoFont, 'system'>, () => Promise<{ faces: Face[] }>> = {
  'Noto Sans Arabic': () => import('./arabic.ts'),
  'Noto Sans Ethiopic': () => import('./ethiopic.ts'),
};

interface Face {
  family: string;
  url: string;
  weight: string;
}

const loaded = new Map<InfoFont, Promise<void>>();

export function loadFont(font: InfoFont): Promise<void> {
  if (font === 'system') return Promise.resolve();
  let pending = loaded.get(font);
  if (!pending) {
    pending = modules[font]()
      .then(({ faces }) =>
        Promise.all(
          faces.map(async (f) => {
            const face = new FontFace(f.family, `url(${f.url}) format('woff2')`, {
              weight: f.weight,
              display: 'swap',
            });
            document.fonts.add(await face.load());
          }),
        ),
      )
      .then(() => undefined);
    // A failed load (e.g. offline before the precache finished) may be retried next time.
    pending.catch(() => loaded.delete(font));
    loaded.set(font, pending);
  }
  return pending;
}

/** The CSS font stack for a language: its bundled font first, then the system fonts. */
export function fontStack(font: InfoFont): string {
  const system = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
  return font === 'system' ? system : `'${font}', ${system}`;
}

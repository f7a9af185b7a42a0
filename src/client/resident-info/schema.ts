import { z } from 'zod';

/**
 * The shape of one resident-information language file (locales/<code>.json). Shared by the app, the
 * `kartlegg i18n` CLI and the tests, so it imports nothing from the browser.
 */
export const SCREEN_IDS = [
  'what',
  'rightDuty',
  'timePlace',
  'travel',
  'interpreter',
  'use',
  'privacy',
  'bring',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export const UI_KEYS = [
  'next',
  'back',
  'readAloud',
  'stopReading',
  'changeLanguage',
  'date',
  'time',
  'place',
  'travel',
] as const;

export { RESIDENT_LANGUAGES, type ResidentLanguage } from '../../domain/residentLanguages.ts';

export const FONTS = ['system', 'Noto Sans Arabic', 'Noto Sans Ethiopic'] as const;
export type InfoFont = (typeof FONTS)[number];

const text = z.string().trim().min(1);

export const InfoMeta = z.strictObject({
  /** The language's name in its own script: what the picker shows (no flags). */
  name: text,
  script: z.enum(['Latn', 'Cyrl', 'Arab', 'Ethi']),
  /** Direction is declared here and never guessed from the text. */
  dir: z.enum(['ltr', 'rtl']),
  font: z.enum(FONTS),
  /** `draft` until a qualified translator has reviewed it; then `reviewed` with their name. */
  status: z.enum(['draft', 'reviewed']),
  reviewer: text.optional(),
});
export type InfoMeta = z.infer<typeof InfoMeta>;

const screen = z.strictObject({ title: text, text });

export const InfoLocale = z
  .strictObject({
    meta: InfoMeta,
    ui: z.strictObject(
      Object.fromEntries(UI_KEYS.map((k) => [k, text])) as Record<(typeof UI_KEYS)[number], typeof text>,
    ),
    screens: z.strictObject(
      Object.fromEntries(SCREEN_IDS.map((id) => [id, screen])) as Record<ScreenId, typeof screen>,
    ),
  })
  .refine((l) => l.meta.status === 'draft' || l.meta.reviewer !== undefined, {
    message: 'A reviewed language names its reviewer.',
    path: ['meta', 'reviewer'],
  });
export type InfoLocale = z.infer<typeof InfoLocale>;

/** The translatable strings of a locale as `ui.next`, `screens.what.title`, … (metadata excluded). */
export function translatableEntries(locale: InfoLocale): [string, string][] {
  const ui = Object.entries(locale.ui).map(([k, v]): [string, string] => [`ui.${k}`, v]);
  const screens = Object.entries(locale.screens).flatMap(([id, s]): [string, string][] => [
    [`screens.${id}.title`, s.title],
    [`screens.${id}.text`, s.text],
  ]);
  return [...ui, ...screens];
}

/** Placeholders such as {{km}}: a translation must keep exactly the source's set. */
export function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

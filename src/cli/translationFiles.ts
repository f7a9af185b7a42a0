import Papa from 'papaparse';
import { InfoLocale, placeholders, translatableEntries } from '../client/resident-info/schema.ts';

/**
 * The translator's round trip for resident information: a language out as CSV or XLIFF 1.2 (English
 * source beside the current text), and a reviewed file back in. Pure functions; src/cli/i18n.ts does I/O.
 */
export type ExportFormat = 'csv' | 'xliff';

export const SOURCE_LANGUAGE = 'en';

export function exportTranslation(source: InfoLocale, target: InfoLocale, lang: string, format: ExportFormat): string {
  const targetTexts = new Map(translatableEntries(target));
  const rows = translatableEntries(source).map(([key, text]) => ({
    key,
    source: text,
    target: targetTexts.get(key) ?? '',
  }));
  if (format === 'csv') {
    // The third column is named for the language, so the file says what it is on import.
    return (
      Papa.unparse(
        { fields: ['key', SOURCE_LANGUAGE, lang], data: rows.map((r) => [r.key, r.source, r.target]) },
        { newline: '\n' },
      ) + '\n'
    );
  }
  const units = rows
    .map(
      (r) =>
        `      <trans-unit id="${xml(r.key)}">\n        <source>${xml(r.source)}</source>\n` +
        `        <target state="${target.meta.status === 'reviewed' ? 'final' : 'needs-review-translation'}">${xml(r.target)}</target>\n` +
        `      </trans-unit>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n` +
    `  <file original="resident-info" datatype="plaintext" source-language="${SOURCE_LANGUAGE}" target-language="${xml(lang)}">\n` +
    `    <body>\n${units}\n    </body>\n  </file>\n</xliff>\n`
  );
}

export interface ImportedTranslation {
  lang: string;
  texts: Map<string, string>;
}

export class TranslationFileError extends Error {}

/** Reads a CSV or XLIFF file made by `exportTranslation` (format told by its content). */
export function parseTranslation(content: string): ImportedTranslation {
  const text = content.replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('<') ? parseXliff(text) : parseCsv(text);
}

function parseCsv(content: string): ImportedTranslation {
  // Spreadsheets save CRLF, editors LF, and a hand-edited file may mix them: one line ending for all.
  const parsed = Papa.parse<string[]>(content.replace(/\r\n?/g, '\n'), { skipEmptyLines: true, newline: '\n' });
  if (parsed.errors.length > 0) {
    throw new TranslationFileError(
      `The CSV cannot be read: ${parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`).join('; ')}`,
    );
  }
  const [header, ...rows] = parsed.data;
  const lang = header?.[2]?.trim();
  if (header?.[0] !== 'key' || !lang)
    throw new TranslationFileError('The CSV must start with the header key,en,<language>.');
  const texts = new Map<string, string>();
  for (const row of rows) {
    const [key, , target] = row;
    if (!key) continue;
    if (texts.has(key)) throw new TranslationFileError(`The key "${key}" appears twice.`);
    texts.set(key, target ?? '');
  }
  return { lang, texts };
}

function parseXliff(content: string): ImportedTranslation {
  const lang = /target-language="([^"]+)"/.exec(content)?.[1];
  if (!lang) throw new TranslationFileError('The XLIFF file has no target-language.');
  const texts = new Map<string, string>();
  for (const unit of content.matchAll(/<trans-unit\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const key = unxml(unit[1]!);
    const target = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/.exec(unit[2]!)?.[1];
    if (texts.has(key)) throw new TranslationFileError(`The key "${key}" appears twice.`);
    texts.set(key, target === undefined ? '' : unxml(target));
  }
  return { lang: unxml(lang), texts };
}

/**
 * Applies a reviewed translation: every source key must be there, non-empty and with the source's
 * {{placeholders}}; no unknown keys. Returns the new locale, marked reviewed by `reviewer`.
 */
export function applyTranslation(
  source: InfoLocale,
  current: InfoLocale,
  imported: ImportedTranslation,
  reviewer: string,
): InfoLocale {
  const problems: string[] = [];
  const sourceTexts = new Map(translatableEntries(source));
  for (const key of imported.texts.keys()) if (!sourceTexts.has(key)) problems.push(`unknown key "${key}"`);
  for (const [key, text] of sourceTexts) {
    const target = imported.texts.get(key)?.trim();
    if (target === undefined) problems.push(`missing key "${key}"`);
    else if (target === '') problems.push(`empty text for "${key}"`);
    else if (placeholders(target).join() !== placeholders(text).join()) {
      problems.push(
        `"${key}" must keep the placeholders ${
          placeholders(text)
            .map((p) => `{{${p}}}`)
            .join(' ') || '(none)'
        }`,
      );
    }
  }
  if (problems.length > 0) throw new TranslationFileError(`The file is not complete:\n  ${problems.join('\n  ')}`);
  const get = (key: string) => imported.texts.get(key)!.trim();
  const next = {
    meta: { ...current.meta, status: 'reviewed', reviewer: reviewer.trim() },
    ui: Object.fromEntries(Object.keys(current.ui).map((k) => [k, get(`ui.${k}`)])),
    screens: Object.fromEntries(
      Object.keys(current.screens).map((id) => [
        id,
        { title: get(`screens.${id}.title`), text: get(`screens.${id}.text`) },
      ]),
    ),
  };
  return InfoLocale.parse(next);
}

function xml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function unxml(s: string): string {
  return s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InfoLocale, RESIDENT_LANGUAGES } from '../client/resident-info/schema.ts';
import {
  applyTranslation,
  exportTranslation,
  parseTranslation,
  SOURCE_LANGUAGE,
  TranslationFileError,
  type ExportFormat,
} from './translationFiles.ts';
import { UsageError } from './usageError.ts';

export const I18N_USAGE = `Usage:
  kartlegg i18n export --lang <code> [--format csv|xliff] [--out <file>]
      write one language of the resident information for a translator (English source beside it)
  kartlegg i18n import <file> --reviewer "<name>"
      read the reviewed file back; every key must be there; the language becomes "reviewed"

Languages: ${RESIDENT_LANGUAGES.join(', ')}`;

const DEFAULT_DIR = fileURLToPath(new URL('../client/resident-info/locales/', import.meta.url));

/** `kartlegg i18n …`; returns the exit code. `localesDir` is for tests. */
export async function i18n(args: string[], localesDir = DEFAULT_DIR): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'export') return await exportCommand(rest, localesDir);
    if (sub === 'import') return await importCommand(rest, localesDir);
  } catch (err) {
    if (err instanceof TranslationFileError) {
      console.error(`Error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    console.log(I18N_USAGE);
    return 0;
  }
  throw new UsageError(`Use: kartlegg i18n export|import …\n\n${I18N_USAGE}`);
}

function flags(args: string[], names: string[]) {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function checkLanguage(lang: string | undefined): string {
  if (!lang || !(RESIDENT_LANGUAGES as readonly string[]).includes(lang)) {
    throw new UsageError(`Unknown language "${lang ?? ''}"; use one of ${RESIDENT_LANGUAGES.join(', ')}.`);
  }
  return lang;
}

async function readLocale(dir: string, lang: string): Promise<InfoLocale> {
  return InfoLocale.parse(JSON.parse(await readFile(join(dir, `${lang}.json`), 'utf8')));
}

async function exportCommand(args: string[], dir: string): Promise<number> {
  const { values } = flags(args, ['lang', 'format', 'out']);
  const lang = checkLanguage(values['lang']);
  const format = values['format'] ?? 'csv';
  if (format !== 'csv' && format !== 'xliff') throw new UsageError('--format is csv or xliff.');
  const text = exportTranslation(
    await readLocale(dir, SOURCE_LANGUAGE),
    await readLocale(dir, lang),
    lang,
    format as ExportFormat,
  );
  if (values['out']) {
    await writeFile(values['out'], text);
    console.error(`Wrote ${lang} (${format}) to ${values['out']}.`);
  } else process.stdout.write(text);
  return 0;
}

async function importCommand(args: string[], dir: string): Promise<number> {
  const { values, positionals } = flags(args, ['reviewer']);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('Use: kartlegg i18n import <file> --reviewer "<name>"');
  const reviewer = values['reviewer']?.trim();
  // Only a named, qualified translator turns a draft into a reviewed language.
  if (!reviewer) throw new UsageError('import needs --reviewer "<the translator\'s name>".');
  const imported = parseTranslation(await readFile(file, 'utf8'));
  const lang = checkLanguage(imported.lang);
  const next = applyTranslation(
    await readLocale(dir, SOURCE_LANGUAGE),
    await readLocale(dir, lang),
    imported,
    reviewer,
  );
  await writeFile(join(dir, `${lang}.json`), JSON.stringify(next, null, 2) + '\n');
  console.log(`Imported ${lang}: ${imported.texts.size} texts, reviewed by ${reviewer}.`);
  return 0;
}

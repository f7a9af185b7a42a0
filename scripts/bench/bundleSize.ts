import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { kb, row, type Row } from './report.ts';

/** What a phone must download and parse before the sign-in screen can render. */
const CRITICAL_PATH_BUDGET_KB = 45;

/** Builds the PWA into dist/ exactly as `npm run build` does, so the sizes are those we ship. */
export async function buildApp(root: string): Promise<void> {
  await build({ root, logLevel: 'warn' });
}

type Attributes = Map<string, string>;

/** Attributes of every `<tag …>` in the HTML; enough for the markup Vite writes, not a general parser. */
function findTags(html: string, tag: string): Attributes[] {
  const tags: Attributes[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attributes: Attributes = new Map();
    for (const attr of (match[1] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set(attr[1]!.toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push(attributes);
  }
  return tags;
}

function hasRel(link: Attributes, rel: string): boolean {
  return (link.get('rel') ?? '').toLowerCase().split(/\s+/).includes(rel);
}

/** The dist/ file a root-relative URL in index.html points at. */
function distFile(dist: string, url: string): string {
  if (/^[a-z][\w+.-]*:|^\/\//i.test(url)) {
    throw new Error(`index.html loads ${url} from another origin; the bench only measures files in dist/.`);
  }
  return join(dist, url.replace(/^\//, '').replace(/[?#].*$/, ''));
}

/**
 * The files index.html makes the browser fetch before first render: the module entry, the chunks
 * it modulepreloads and the stylesheets. Lazily imported chunks (screens, other languages) are not
 * on the critical path.
 */
export function criticalPathFiles(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = findTags(html, 'script')
    .filter((s) => s.get('type') === 'module' && s.get('src'))
    .map((s) => s.get('src')!);
  const links = findTags(html, 'link');
  const preloads = links.filter((l) => hasRel(l, 'modulepreload') && l.get('href')).map((l) => l.get('href')!);
  const styles = links.filter((l) => hasRel(l, 'stylesheet') && l.get('href')).map((l) => l.get('href')!);
  if (scripts.length === 0) throw new Error('dist/index.html has no <script type="module" src>.');
  const unique = (urls: string[]) => [...new Set(urls.map((u) => distFile(dist, u)))];
  return { js: unique([...scripts, ...preloads]), css: unique(styles) };
}

/** Gzip at the highest level: a fixed, reproducible stand-in for what the network transfers. */
function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export function criticalPathRows(dist: string): Row[] {
  const { js, css } = criticalPathFiles(dist);
  const jsBytes = js.reduce((sum, f) => sum + gzipBytes(f), 0);
  const cssBytes = css.reduce((sum, f) => sum + gzipBytes(f), 0);
  return [
    row(`Critical-path JS+CSS, gzip (${js.length} JS, ${css.length} CSS)`, kb(jsBytes + cssBytes), 'KB', {
      max: CRITICAL_PATH_BUDGET_KB,
    }),
    row('Critical-path JS only, gzip', kb(jsBytes), 'KB'),
  ];
}

/** URLs in the Workbox precache manifest that vite-plugin-pwa writes into sw.js. */
export function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{\s*url\s*:\s*(["'])(.*?)\1\s*,\s*revision\s*:/g)].map((m) => m[2]!);
  if (urls.length === 0) throw new Error('Found no precache entries ({url, revision}) in dist/sw.js.');
  return urls;
}

export interface Precache {
  rows: Row[];
  /** URLs listed more than once; Workbox fetches each URL once, so they are counted once. */
  duplicates: string[];
}

export function precacheRows(dist: string): Precache {
  const urls = precacheUrls(dist);
  const unique = [...new Set(urls)];
  const duplicates = unique.filter((u) => urls.indexOf(u) !== urls.lastIndexOf(u));
  const bytes = unique.reduce((sum, u) => sum + statSync(distFile(dist, u)).size, 0);
  return {
    rows: [
      row('Precache size (raw, what a first visit stores for offline use)', kb(bytes), 'KB'),
      row('Precache entries (unique URLs)', unique.length, ''),
    ],
    duplicates,
  };
}

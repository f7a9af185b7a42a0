/**
 * Renders the app icons (PNG) from one SVG drawing with the system Chromium.
 * Run once when the logo changes: `node bin/tsx.js scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.ts';

const mark = (inset: number) => `
  <g transform="translate(${inset} ${inset}) scale(${(512 - 2 * inset) / 512})">
    <path d="M128 112h64v120l112-120h80L264 240l128 160h-88L216 280l-24 24v96h-64z" fill="#fff"/>
    <circle cx="384" cy="384" r="48" fill="#f2b134"/>
  </g>`;
const svg = (
  maskable: boolean,
) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${maskable ? '<rect width="512" height="512" fill="#1f4e79"/>' : '<rect width="512" height="512" rx="112" fill="#1f4e79"/>'}
  ${mark(maskable ? 64 : 0)}
</svg>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
const shots: [string, number, boolean][] = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
for (const [file, size, maskable] of shots) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg(maskable)}`,
  );
  writeFileSync(`public/${file}`, await page.screenshot({ omitBackground: !maskable }));
}
await browser.close();
console.log('Icons written to public/.');

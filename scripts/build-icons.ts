/**
 * Draws the app's icons (public/icons): the SVG and, from it, the PNGs an installed app needs
 * (192 and 512 px, each as a plain icon with rounded corners and as a maskable one whose
 * drawing keeps inside the middle 80 % circle that any mask leaves). The PNGs are committed;
 * run `npm run icons` after changing the drawing (Debian's Chromium renders them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../cli/chromium.ts';

const OUT = 'public/icons';
const TEAL = '#1d6f66';

/**
 * The drawing on a 512 × 512 canvas: a stretch of coast (land in pale green, sea in teal), three
 * ports on it and the links that join them inland. `maskable` draws to the edges and keeps the
 * drawing inside the safe circle; otherwise the square has rounded corners and the drawing is larger.
 */
export function iconSvg(maskable: boolean): string {
  const k = maskable ? 0.78 : 0.94;
  const t = `translate(256 256) scale(${k}) translate(-256 -256)`;
  const shape = maskable ? '<rect width="512" height="512"/>' : '<rect width="512" height="512" rx="104"/>';
  // The coast runs off the icon at the top and the bottom; the land west of it runs off the edges.
  const coast = 'M270 -60 C286 20 276 110 300 186 C330 232 372 250 380 300 C388 352 356 396 316 440 C290 470 280 520 276 580';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<defs><clipPath id="icon">${shape}</clipPath></defs>
<g clip-path="url(#icon)">
  <rect width="512" height="512" fill="${TEAL}"/>
  <g transform="${t}">
    <path d="${coast} H-200 V-60 Z" fill="#e3f1ee"/>
    <path d="${coast}" fill="none" stroke="#ffffff" stroke-width="10" stroke-linecap="round"/>
    <path d="M292 150 C230 150 190 190 150 176 M338 238 C270 250 220 280 168 270 M372 340 C300 330 250 370 190 360" fill="none" stroke="#e07a2f" stroke-width="14" stroke-linecap="round"/>
    <circle cx="292" cy="150" r="22" fill="#ffffff" stroke="#e07a2f" stroke-width="10"/>
    <circle cx="338" cy="238" r="22" fill="#ffffff" stroke="#e07a2f" stroke-width="10"/>
    <circle cx="372" cy="340" r="22" fill="#ffffff" stroke="#e07a2f" stroke-width="10"/>
  </g>
</g>
</svg>
`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/icon.svg`, iconSvg(false));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH(), args: CHROMIUM_ARGS, headless: true });
  try {
    for (const maskable of [false, true])
      for (const px of [192, 512]) {
        const page = await browser.newPage({ viewport: { width: px, height: px } });
        const svg = iconSvg(maskable).replace('width="512" height="512">', `width="${px}" height="${px}">`);
        await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
        const file = `${OUT}/${maskable ? 'maskable' : 'icon'}-${px}.png`;
        await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: px, height: px } });
        await page.close();
        console.log(file);
      }
  } finally {
    await browser.close();
  }
}

await main();

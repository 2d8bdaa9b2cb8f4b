#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (256×256, what the marketplace and the Extensions view show) with
// Debian's Chromium (test/e2e/install.sh installs it). Run after editing the SVG: node scripts/icon.mjs
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const images = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../images');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.goto(pathToFileURL(path.join(images, 'icon.svg')).href);
  await page.screenshot({ path: path.join(images, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}

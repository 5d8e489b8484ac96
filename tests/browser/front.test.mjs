// The front page, a section page and an article page with pictures (issue 13, Must show 2 and
// 3): every request each page makes stays on this site (recorded in Chromium, whose name
// resolution is off: HERMETIC_FLAGS), the pictures load from /media/, the pages pass axe, and
// screenshots at desktop (1280) and mobile (390) widths are made of each. With
// WARTA_UPDATE_SCREENSHOTS=1 they are written to docs/screenshots/ (the README shows them).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileDemoIntoSections } from './front_fixture.mjs';
import { launchBrowser, seriousAxeViolations, startWarta } from './harness.mjs';

const SCREENSHOTS = process.env.WARTA_UPDATE_SCREENSHOTS === '1'
  ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : mkdtempSync(join(tmpdir(), 'warta-screenshots-'));

let warta;
let browser;

before(async () => {
  warta = await startWarta();
  await fileDemoIntoSections(warta.db);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await warta?.stop();
});

async function open(path, viewport) {
  const page = await browser.newPage({ locale: 'id-ID', viewport });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(warta.base + path, { waitUntil: 'load' });
  return { page, response, requests };
}

// Every request a page made went to this site (data: URLs are the page's own bytes).
function assertLocal(requests, path) {
  const foreign = requests.filter((u) => !u.startsWith(warta.base + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], `${path} asked another host`);
}

async function pagesToVisit() {
  const { page } = await open('/', { width: 1280, height: 800 });
  const section = await page.getAttribute('.section-bar a', 'href');
  const article = await page.getAttribute('.lead-story-title a', 'href');
  await page.close();
  return { home: '/', section, article };
}

test('front, section and article pages show pictures from this site only', async () => {
  const paths = await pagesToVisit();
  assert.match(paths.section, /^\/rubrik\/[a-z-]+$/);
  for (const [name, path] of Object.entries(paths)) {
    for (const [width, height, label] of [[1280, 800, 'desktop'], [390, 844, 'mobile']]) {
      const { page, response, requests } = await open(path, { width, height });
      assert.equal(response.status(), 200, path);
      // Lazy pictures below the fold load as the reader scrolls: scroll so every one is asked.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.waitForLoadState('networkidle');
      const pictures = requests.filter((u) => u.startsWith(`${warta.base}/media/`));
      assert.ok(pictures.length > 0, `${path} (${label}) loaded no picture`);
      assertLocal(requests, path);
      const broken = await page.evaluate(() => [...document.images]
        .filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src));
      assert.deepEqual(broken, [], `${path}: pictures that did not load`);
      if (name === 'article') {
        const lead = page.locator('img#lead-image');
        assert.ok(await lead.isVisible());
        assert.equal(await lead.getAttribute('loading'), null);  // the lead loads at once
        assert.match(await lead.getAttribute('src'), /^\/media\//);
      }
      if (label === 'desktop') assert.deepEqual(await seriousAxeViolations(page), [], path);
      await page.evaluate(() => window.scrollTo(0, 0));
      const shot = await page.screenshot({ fullPage: false });
      assert.ok(shot.length > 10000, `${name}-${label} screenshot is empty`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(join(SCREENSHOTS, `${name}-${label}.png`), shot);
      await page.close();
    }
  }
});

test('the section bar lists the sections in their order and marks the current one', async () => {
  const { page } = await open('/rubrik/budaya', { width: 1280, height: 800 });
  const names = await page.locator('.section-bar a').allTextContents();
  assert.deepEqual(names.slice(0, 3), ['Nasional', 'Budaya', 'Teknologi']);
  assert.equal(await page.getAttribute('.section-bar a[aria-current="page"]', 'href'), '/rubrik/budaya');
  assert.match(await page.textContent('h1'), /Budaya/);
  await page.close();
});

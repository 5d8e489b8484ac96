// The home and article pages in a real browser: contract elements visible, nothing
// loaded from another host, no script errors, no serious accessibility violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, seriousAxeViolations, startWarta } from './harness.mjs';

let warta;
let browser;

before(async () => {
  warta = await startWarta();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await warta?.stop();
});

// Pages follow the browser's language (Accept-Language), so each page states the one it
// reads in: Indonesian, the site's default, unless a test asks for another.
async function open(path, locale = 'id-ID') {
  const page = await browser.newPage({ locale });
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => {
    if (!r.url().startsWith(warta.base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const response = await page.goto(warta.base + path);
  return { page, response, errors, foreign };
}

test('home page lists articles and passes axe', async () => {
  const { page, response, errors, foreign } = await open('/');
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  assert.match(await page.textContent('#site-name'), /Media Jepang/);
  assert.ok((await page.locator('article a[href^="/artikel/"]').count()) >= 10);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.close();
});

test('article page shows every contract element and passes axe', async () => {
  const home = await open('/');
  const href = await home.page.getAttribute('article a[href^="/artikel/"]', 'href');
  await home.page.close();
  const { page, response, errors, foreign } = await open(href);
  assert.equal(response.status(), 200);
  for (const id of ['site-name', 'headline', 'source', 'published', 'views', 'likes',
    'comments-count', 'shares', 'body', 'comments', 'like-button']) {
    assert.ok(await page.locator(`#${id}`).isVisible(), `#${id} is visible`);
  }
  assert.match(await page.textContent('#comments h2'), /Komentar/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await seriousAxeViolations(page), []);
  // A phone-sized viewport shows the page without horizontal scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal overflow on a phone (${overflow}px)`);
  await page.close();
});

test('the switcher gives an accessible English page and remembers the choice', async () => {
  const { page, errors, foreign } = await open('/', 'ja-JP');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.click('.lang-switch a[lang="en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('.lang-switch a[lang="en"]', 'aria-current'), 'true');
  const href = await page.getAttribute('article a[href^="/artikel/"]', 'href');
  await page.goto(warta.base + href);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#comments h2'), /Comments/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.close();
});

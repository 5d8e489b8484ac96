// Readers in a real browser (docs/api.md): register through /register, like and unlike an
// article, share it, see another reader's like, log out and in again; once with JavaScript
// and once without it (where every button is a plain form post). axe-core on the account
// pages and on the article page of a logged-in reader.
//
// The checks wait for what a reader sees (the prompt, the counters) rather than for a page
// load, so they hold whether a button posts a form or a script updates the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, seriousAxeViolations, startWarta } from './harness.mjs';

const FIRST_PROMPT = 'Jadilah yang pertama menyukai ini'; // locales/id.toml like_prompt_first
const ONE_PROMPT = '1 orang menyukai ini'; // like_prompt_count, n = 1
const LIKE = 'Suka';
const UNLIKE = 'Batal suka';
const PASSWORD = 'kata-sandi-rahasia-9';

let warta;
let browser;
const unlikedArticles = []; // demo articles with no likes yet: one per test, so they don't mix

before(async () => {
  warta = await startWarta();
  browser = await launchBrowser();
  for (let id = 1; id <= 40 && unlikedArticles.length < 2; id++) {
    const r = await fetch(`${warta.base}/api/v1/articles/${id}`);
    if (r.status !== 200) continue;
    const a = await r.json();
    if (a.counters.likes === 0) unlikedArticles.push(a.path);
  }
  assert.equal(unlikedArticles.length, 2, 'the demo has two articles without likes');
});

after(async () => {
  await browser?.close();
  await warta?.stop();
});

// Polls until fn() (which may throw while a page is loading) returns a truthy value.
async function eventually(fn, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function likeState(page) {
  const box = page.locator('#like-button');
  return {
    prompt: (await box.locator('.like-prompt').textContent()).trim(),
    button: (await box.locator('button').textContent()).trim(),
    likes: (await page.locator('#likes [aria-hidden="true"]').textContent()).trim(),
  };
}

async function waitForLikeState(page, expected) {
  await eventually(async () => {
    const s = await likeState(page);
    return s.prompt === expected.prompt && s.button === expected.button && s.likes === expected.likes;
  }, `like state ${JSON.stringify(expected)}`);
}

async function sharesCount(page) {
  return Number((await page.locator('#shares [aria-hidden="true"]').textContent()).trim());
}

async function sessionUser(context) {
  const r = await context.request.get(`${warta.base}/api/v1/session`);
  assert.equal(r.status(), 200);
  return (await r.json()).user;
}

// Fills and submits one of the account forms (/register or /login).
async function submitAccountForm(page, path, name) {
  await page.goto(warta.base + path);
  await page.getByLabel('Nama pengguna').fill(name);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.locator('form.account-form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== path || url.searchParams.has('error'),
    { timeout: 10000 });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('error'), null, `${path} refused: ${await page.textContent('body')}`);
}

// Off-site share pages (wa.me, ...) are answered by a stub: the test machine has no internet,
// and what matters is that the browser was sent there with the article's address.
async function stubOffsiteRequests(context) {
  await context.route((url) => !url.href.startsWith(warta.base), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>share</title>' }));
}

async function readerFlow(javaScriptEnabled, articlePath) {
  const name = `pembaca${javaScriptEnabled ? 'js' : 'nojs'}${process.pid % 10000}`;
  const reader = await browser.newContext({ javaScriptEnabled, locale: 'id-ID' });
  await reader.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: warta.base });
  await stubOffsiteRequests(reader);
  const page = await reader.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // Register through the page; the new account is logged in at once.
  await submitAccountForm(page, '/register', name);
  assert.equal((await sessionUser(reader))?.name, name);

  // Like, unlike, like again. With JavaScript (static/engage.js) the page stays put: no
  // navigation of the main frame, and a marker set on the window survives.
  await page.goto(warta.base + articlePath);
  const navigations = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  if (javaScriptEnabled) await page.evaluate(() => { window.engageMarker = 'kept'; });
  await waitForLikeState(page, { prompt: FIRST_PROMPT, button: LIKE, likes: '0' });
  await page.locator('#like-button button').click();
  await waitForLikeState(page, { prompt: ONE_PROMPT, button: UNLIKE, likes: '1' });
  await page.locator('#like-button button').click();
  await waitForLikeState(page, { prompt: FIRST_PROMPT, button: LIKE, likes: '0' });
  await page.locator('#like-button button').click();
  await waitForLikeState(page, { prompt: ONE_PROMPT, button: UNLIKE, likes: '1' });
  if (javaScriptEnabled) {
    assert.deepEqual(navigations, [], 'liking with JavaScript does not load a page');
    assert.equal(await page.evaluate(() => window.engageMarker), 'kept');
    assert.match(await page.locator('.engage-status').textContent(), /^1 suka/);
  } else {
    assert.ok(navigations.length >= 3, 'without JavaScript each like is a form post');
  }
  // A reload shows what was stored, not what a script guessed.
  await page.reload();
  await waitForLikeState(page, { prompt: ONE_PROMPT, button: UNLIKE, likes: '1' });

  // Share: the count goes up and the browser goes on to the network with the article's URL;
  // with JavaScript in a new window, while the article's count goes up in place.
  const sharesBefore = await sharesCount(page);
  const articleUrl = new RegExp(articlePath.replace(/[/.]/g, '\\$&'));
  let sharesAfter = sharesBefore + 1;
  if (javaScriptEnabled) {
    navigations.length = 0;
    await page.evaluate(() => { window.engageMarker = 'kept'; }); // the reload dropped it
    const popup = reader.waitForEvent('page', { timeout: 10000 });
    await page.locator('button.share-submit[data-network="whatsapp"]').click();
    const network = await popup;
    await network.waitForURL(/^https:\/\/wa\.me\//, { timeout: 10000 });
    assert.match(decodeURIComponent(network.url()), articleUrl);
    await network.close();
    await eventually(async () => (await sharesCount(page)) === sharesBefore + 1, 'shares + 1');
    // Copy-link copies the article's address and counts as a share too.
    await page.locator('button.copy-submit').click();
    await eventually(async () => (await sharesCount(page)) === sharesBefore + 2, 'shares + 2');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), articleUrl);
    assert.equal(await page.locator('.engage-status').textContent(), 'Tautan disalin');
    assert.deepEqual(navigations, [], 'sharing with JavaScript does not leave the article');
    assert.equal(await page.evaluate(() => window.engageMarker), 'kept');
    sharesAfter = sharesBefore + 2;
  } else {
    // The form post answers 303 to the network's page. Chromium would follow it off the
    // machine (a route stub is not consulted for a redirect's target), so the post is sent
    // here without following redirects, its Location checked, and the browser kept on loopback.
    const locations = [];
    await page.route('**/share?network=*', async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      locations.push({ status: response.status(), location: response.headers().location ?? '' });
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>shared</title>' });
    });
    await page.locator('button.share-submit[data-network="whatsapp"]').click();
    await eventually(async () => locations.length === 1, 'the share form was posted');
    await page.unroute('**/share?network=*');
    assert.equal(locations[0].status, 303);
    assert.match(locations[0].location, /^https:\/\/wa\.me\//);
    assert.match(decodeURIComponent(locations[0].location), articleUrl);
  }
  await page.goto(warta.base + articlePath);
  assert.equal(await sharesCount(page), sharesAfter);

  // Another reader (another browser, not logged in) sees the like but has not liked.
  const other = await browser.newContext({ javaScriptEnabled, locale: 'id-ID' });
  const otherPage = await other.newPage();
  await otherPage.goto(warta.base + articlePath);
  await waitForLikeState(otherPage, { prompt: ONE_PROMPT, button: LIKE, likes: '1' });
  assert.equal(await sharesCount(otherPage), sharesAfter);
  await other.close();

  // Log out: the like belongs to the account, so the anonymous visitor has not liked.
  await page.goto(`${warta.base}/login`);
  // The login page's own logout form (the header's account menu has another).
  await page.locator('main form[action="/api/v1/auth/logout"] button').click();
  await eventually(async () => (await sessionUser(reader)) === null, 'logged out');
  await page.goto(warta.base + articlePath);
  await waitForLikeState(page, { prompt: ONE_PROMPT, button: LIKE, likes: '1' });

  // Log in again: the like is still there and still the reader's.
  await submitAccountForm(page, '/login', name);
  assert.equal((await sessionUser(reader))?.name, name);
  await page.goto(warta.base + articlePath);
  await waitForLikeState(page, { prompt: ONE_PROMPT, button: UNLIKE, likes: '1' });

  assert.deepEqual(errors, []);
  await reader.close();
}

test('a reader registers, likes, unlikes and shares with JavaScript', async () => {
  await readerFlow(true, unlikedArticles[0]);
});

test('the same works without JavaScript (plain form posts)', async () => {
  await readerFlow(false, unlikedArticles[1]);
});

test('account pages and the logged-in article page pass axe', async () => {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  for (const path of ['/login', '/register']) {
    await page.goto(warta.base + path);
    assert.deepEqual(await seriousAxeViolations(page), [], path);
  }
  await submitAccountForm(page, '/register', `axe${process.pid % 10000}`);
  await page.goto(warta.base + unlikedArticles[0]);
  assert.ok(await page.locator('#like-button').isVisible());
  assert.deepEqual(await seriousAxeViolations(page), [], 'article page, logged in');
  // The account page of a logged-in reader (name and logout button) too.
  await page.goto(`${warta.base}/login`);
  assert.deepEqual(await seriousAxeViolations(page), [], '/login, logged in');
  await context.close();
});

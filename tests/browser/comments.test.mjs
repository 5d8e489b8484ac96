// Comments in a real browser: readers register, comment, reply and edit with JavaScript on
// (new comments appear without a reload) and off (plain forms); a second reader sees them; a
// moderator approves a queued first comment; axe finds no serious violations on the article
// and moderation pages; every sanitizer vector posted as a comment runs nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { WARTA, launchBrowser, seriousAxeViolations, startWarta } from './harness.mjs';

const PASSWORD = 'kata sandi panjang';
let warta;
let browser;
let article;

before(async () => {
  warta = await startWarta({
    env: { WARTA_RATELIMIT_ENABLED: '0', WARTA_COMMENTS_PAGE_SIZE: '500',
      WARTA_COMMENTS_MODERATE_LINKS: '0' },
  });
  const r = spawnSync(WARTA, ['user', 'add', 'moderator1', '--role', 'moderator', '--db', warta.db],
    { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${warta.base}/`);
  article = await page.getAttribute('article a[href^="/artikel/"]', 'href');
  await page.close();
});

after(async () => {
  await browser?.close();
  await warta?.stop();
});

async function reader({ javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'id-ID' });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith(warta.base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { context, page, errors, foreign };
}

async function register(page, name) {
  await page.goto(`${warta.base}/register`);
  await page.fill('input[name="username"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('.account-form button[type="submit"]')]);
}

async function login(page, name) {
  await page.goto(`${warta.base}/login`);
  await page.fill('input[name="username"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('.account-form button[type="submit"]')]);
}

async function approveAll(page) {
  await page.goto(`${warta.base}/moderasi`);
  while ((await page.locator('.moderation-queue form[action$="/approve"] button').count()) > 0) {
    await Promise.all([page.waitForNavigation(),
      page.locator('.moderation-queue form[action$="/approve"] button').first().click()]);
  }
}

test('with JavaScript: comment, moderate, reply and edit; another reader sees it', async () => {
  const budi = await reader();
  await register(budi.page, 'budi_js');
  await budi.page.goto(warta.base + article);
  await budi.page.fill('.comment-form textarea[name="body"]', 'Komentar pertama *budi*');
  await budi.page.click('.comment-form button[type="submit"]');
  await budi.page.waitForFunction(() => /moderasi/.test(document.querySelector('#comments .comment-status').textContent));

  const mod = await reader();
  await login(mod.page, 'moderator1');
  await mod.page.goto(`${warta.base}/moderasi`);
  assert.match(await mod.page.textContent('.moderation-queue'), /Komentar pertama/);
  assert.deepEqual(await seriousAxeViolations(mod.page), []);
  await approveAll(mod.page);
  assert.match(await mod.page.textContent('.moderation-log'), /disetujui/);

  await budi.page.goto(warta.base + article);
  assert.match(await budi.page.textContent('#comments .comment-list'), /Komentar pertama budi/);
  // The second comment is published at once and appears without a reload.
  await budi.page.evaluate(() => { window.__sameDocument = true; });
  await budi.page.fill('.comment-form textarea[name="body"]', 'Tanpa muat ulang');
  await budi.page.click('.comment-form button[type="submit"]');
  await budi.page.waitForSelector('.comment-list >> text=Tanpa muat ulang');
  assert.equal(await budi.page.evaluate(() => window.__sameDocument), true);
  assert.equal(await budi.page.textContent('#comments-count span[aria-hidden="true"]'), '2');
  assert.match(await budi.page.textContent('#comments-count .vh'), /^2 komentar$/);
  // Reply in place.
  const first = budi.page.locator('.comment', { hasText: 'Komentar pertama budi' }).first();
  await first.locator('details.reply summary').click();
  await first.locator('.reply-form textarea').fill('Balasan di tempat');
  await first.locator('.reply-form button[type="submit"]').click();
  await budi.page.waitForSelector('.comment-list >> text=Balasan di tempat');
  assert.equal(await budi.page.evaluate(() => window.__sameDocument), true);
  // Edit (a plain form post, back to the comment).
  await budi.page.reload();
  const own = budi.page.locator('.comment', { hasText: 'Tanpa muat ulang' }).first();
  assert.equal(await own.locator('details.edit').isVisible(), true);
  await own.locator('details.edit summary').click();
  await own.locator('.edit-form textarea').fill('Sudah disunting');
  await Promise.all([budi.page.waitForNavigation(), own.locator('.edit-form button').click()]);
  assert.match(await budi.page.textContent('.comment-list'), /Sudah disunting/);
  assert.deepEqual(await seriousAxeViolations(budi.page), []);
  assert.deepEqual(budi.errors, []);
  assert.deepEqual(budi.foreign, []);

  const sari = await reader();
  await register(sari.page, 'sari_js');
  await sari.page.goto(warta.base + article);
  const text = await sari.page.textContent('.comment-list');
  assert.match(text, /Sudah disunting/);
  assert.match(text, /Balasan di tempat/);
  // Not her comment: no edit or delete for her; reply and report yes.
  const budis = sari.page.locator('.comment', { hasText: 'Sudah disunting' }).first();
  assert.equal(await budis.locator('details.edit').isVisible(), false);
  assert.equal(await budis.locator('.delete-form').isVisible(), false);
  assert.equal(await budis.locator('.report-form').isVisible(), true);
  await Promise.all([budi.context.close(), mod.context.close(), sari.context.close()]);
});

test('a comment written before logging in survives the login round trip', async () => {
  const r = spawnSync(WARTA, ['user', 'add', 'tamu_js', '--db', warta.db],
    { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const tamu = await reader();
  await tamu.page.goto(warta.base + article);
  const draft = 'Ditulis sebelum masuk, jangan hilang';
  await tamu.page.fill('.comment-form textarea[name="body"]', draft);
  // Not logged in: the post is refused and the script takes the reader to the login page.
  await Promise.all([tamu.page.waitForURL(/\/login\?next=/),
    tamu.page.click('.comment-form button[type="submit"]')]);
  await tamu.page.fill('input[name="username"]', 'tamu_js');
  await tamu.page.fill('input[name="password"]', PASSWORD);
  await Promise.all([tamu.page.waitForNavigation(), tamu.page.click('.account-form button[type="submit"]')]);
  assert.equal(new URL(tamu.page.url()).pathname, article);
  assert.equal(await tamu.page.inputValue('.comment-form textarea[name="body"]'), draft);
  await tamu.page.click('.comment-form button[type="submit"]');
  await tamu.page.waitForFunction(() => /moderasi|terbit/i.test(document.querySelector('#comments .comment-status').textContent));
  // Posted: the kept draft is gone, so the next visit starts empty.
  await tamu.page.reload();
  assert.equal(await tamu.page.inputValue('.comment-form textarea[name="body"]'), '');
  assert.deepEqual(tamu.errors, []);
  await tamu.context.close();
});

test('without JavaScript: every comment action is a plain form', async () => {
  const joko = await reader({ javaScript: false });
  await register(joko.page, 'joko_nojs');
  await joko.page.goto(warta.base + article);
  await joko.page.fill('.comment-form textarea[name="body"]', 'Tanpa JavaScript');
  await Promise.all([joko.page.waitForNavigation(), joko.page.click('.comment-form button[type="submit"]')]);
  assert.match(joko.page.url(), /\?comment=pending#comments$/);
  assert.match(await joko.page.textContent('#comments .comment-status'), /menunggu moderasi/);
  const mod = await reader();
  await login(mod.page, 'moderator1');
  await approveAll(mod.page);
  await joko.page.goto(warta.base + article);
  const mine = joko.page.locator('.comment', { hasText: 'Tanpa JavaScript' }).first();
  await mine.locator('details.reply summary').click();
  await mine.locator('.reply-form textarea').fill('Balasan tanpa skrip');
  await Promise.all([joko.page.waitForNavigation(), mine.locator('.reply-form button').click()]);
  assert.match(joko.page.url(), /#comment-\d+$/);
  const reply = joko.page.locator('.comment', { hasText: 'Balasan tanpa skrip' }).first();
  await reply.locator('details.edit summary').click();
  await reply.locator('.edit-form textarea').fill('Balasan disunting tanpa skrip');
  await Promise.all([joko.page.waitForNavigation(), reply.locator('.edit-form button').click()]);
  assert.match(await joko.page.textContent('.comment-list'), /Balasan disunting tanpa skrip/);
  const edited = joko.page.locator('.comment', { hasText: 'Balasan disunting' }).first();
  await Promise.all([joko.page.waitForNavigation(), edited.locator('.delete-form button').click()]);
  assert.doesNotMatch(await joko.page.textContent('.comment-list'), /Balasan disunting/);
  await Promise.all([joko.context.close(), mod.context.close()]);
});

test('every sanitizer vector as a comment runs nothing in chromium', async () => {
  const vectors = JSON.parse(readFileSync(
    new URL('../../../shared/corpus/sanitize/dompurify/expect.json', import.meta.url), 'utf8'))
    .map((c) => c.payload);
  const mod = await reader();
  await login(mod.page, 'moderator1');
  await mod.page.goto(warta.base + article);
  const id = await mod.page.getAttribute('article.article', 'data-article-id');
  const statuses = await mod.page.evaluate(async ({ bodies, articleId }) => {
    const token = document.querySelector('meta[name="csrf-token"]').content;
    const out = [];
    for (const body of bodies) {
      const r = await fetch(`/api/v1/articles/${articleId}/comments`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify({ body: `${body}\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>` }),
      });
      out.push(r.status);
    }
    return out;
  }, { bodies: vectors, articleId: id });
  assert.deepEqual([...new Set(statuses)], [201]);

  const viewer = await reader();
  const dialogs = [];
  viewer.page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await viewer.context.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => { window.__fired.push(`${name}(${args.join(',')})`); };
    }
  });
  await viewer.page.goto(warta.base + article);
  // Hover over the links in the comments, as a curious reader would.
  const links = viewer.page.locator('#comments .comment-body a');
  const n = Math.min(await links.count(), 60);
  for (let i = 0; i < n; i += 1) await links.nth(i).hover({ timeout: 300 }).catch(() => {});
  await viewer.page.waitForTimeout(500);
  assert.deepEqual(await viewer.page.evaluate(() => window.__fired), []);
  assert.deepEqual(dialogs, []);
  assert.equal(await viewer.page.evaluate(() => typeof document.getElementById), 'function');
  assert.equal(await viewer.page.evaluate(() => typeof document.cookie), 'string');
  assert.equal(await viewer.page.locator('#comments .comment-body script, #comments .comment-body iframe, #comments .comment-body svg').count(), 0);
  assert.deepEqual(viewer.errors, []);
  assert.deepEqual(viewer.foreign, []);
  await Promise.all([mod.context.close(), viewer.context.close()]);
});

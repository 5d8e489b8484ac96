// The newsroom in a real browser (issue 12, Must show 1 and 5): an editor logs in, writes an
// article with a lead picture uploaded with it, previews it, schedules it a minute ahead and
// it goes live on its own (the publisher, no request involved); the editor fixes a typo with
// a correction note that readers then see (#correction), restores an earlier revision and
// unpublishes it (410). An author's draft needs an editor to publish it. Two editors saving
// from the same version: the second sees both texts, nothing overwritten. The browser keeps
// an unsaved draft and offers it back. axe-core runs on every admin page on the way: no
// serious or critical violation.
//
// The schedule is a real minute (publish_at is at least "now" and the publisher runs on the
// wall clock): the test waits for the public page, at most 90 s.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { WARTA, launchBrowser, seriousAxeViolations, startWarta } from './harness.mjs';

const PASSWORD = 'kata-sandi-rahasia-9';
const TITLE = 'Gempa Guncang Tokyo Pagi Ini';
const TYPO = 'Tidak ada laporan kerusakn berarti.';
const FIXED = 'Tidak ada laporan kerusakan berarti.';
const BODY = `Gempa berkekuatan 5,8 mengguncang **Tokyo** pada pagi hari.\n\n${TYPO}`;
const NOTE = 'Memperbaiki salah ketik di paragraf kedua.';

let warta;
let browser;
const axeFindings = []; // every admin page checked: {url, violations}

before(async () => {
  warta = await startWarta({ env: { WARTA_RATELIMIT_ENABLED: '0' } });
  for (const [name, role] of [['redaktur', 'editor'], ['redaktur2', 'editor'], ['penulis', 'author'], ['kepala', 'admin']]) {
    const dbArg = ['--db', warta.db];
    const r = spawnSync(WARTA, ['user', 'add', name, '--role', role, ...dbArg],
      { input: `${PASSWORD}\n`, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await warta?.stop();
});

// A small PNG made here (gradient), so no picture file is needed.
function png(width, height) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 120], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

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
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function checkAxe(page) {
  const violations = await seriousAxeViolations(page);
  axeFindings.push({ url: new URL(page.url()).pathname, violations });
  assert.deepEqual(violations, [], `axe on ${page.url()}`);
}

async function logIn(name) {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(`${warta.base}/admin`);
  assert.match(new URL(page.url()).pathname, /^\/login/, 'anonymous: sent to log in');
  await page.fill('input[name=username]', name);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form.account-form button[type=submit]')]);
  return { context, page };
}

async function submit(page, intent) {
  await Promise.all([page.waitForNavigation(), page.click(`button[name=intent][value=${intent}]`)]);
}

// "YYYY-MM-DDTHH:MM:SS" of `ms` in Asia/Jakarta (the demo site's zone, UTC+7 all year).
function jakarta(ms) {
  return new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 19);
}

async function publicStatus(path) {
  return (await fetch(`${warta.base}${path}`)).status;
}

test('an editor writes, schedules, corrects, restores and unpublishes an article', async (t) => {
  const { context, page } = await logIn('redaktur');
  assert.equal(new URL(page.url()).pathname, '/admin');
  await page.waitForSelector('#days-table');
  await checkAxe(page); // the dashboard

  await page.goto(`${warta.base}/admin/articles`);
  await checkAxe(page);
  await page.click('a[href="/admin/articles/new"]');
  await page.waitForSelector('#editor-form');
  await checkAxe(page);

  await page.fill('#title', TITLE);
  await page.fill('#dek', 'Tidak ada korban jiwa.');
  await page.fill('#section', 'dunia');
  await page.fill('#tags', 'gempa, jepang');
  await page.fill('#body', BODY);
  await page.setInputFiles('#lead_image_file', { name: 'gempa.png', mimeType: 'image/png', buffer: png(640, 400) });
  await page.fill('#lead_image_alt', 'Gedung-gedung di Tokyo');
  await submit(page, 'preview');
  // The preview is the server's rendering; the uploaded picture is now the chosen lead image.
  const preview = await page.locator('#preview .article-body').innerHTML();
  assert.match(preview, /<strong>Tokyo<\/strong>/);
  assert.match(preview, /kerusakn/);
  const chosen = await page.locator('input[name=lead_image]:checked').getAttribute('value');
  assert.notEqual(chosen, '0', 'the uploaded picture is the lead image');
  assert.equal(await page.inputValue('#title'), TITLE, 'the preview keeps the form');
  await checkAxe(page);

  const publishAt = Date.now() + 60 * 1000;
  await page.fill('#publish_at', jakarta(publishAt));
  await submit(page, 'schedule');
  const url = new URL(page.url());
  const id = Number(/^\/admin\/articles\/(\d+)$/.exec(url.pathname)?.[1]);
  assert.ok(id > 0, url.href);
  assert.equal(url.searchParams.get('done'), 'scheduled');
  assert.match(await page.locator('.editor-meta .badge').textContent(), /Terjadwal/);
  assert.equal(await page.locator('input[name=lead_image]:checked').getAttribute('value'), chosen);
  await checkAxe(page);
  assert.equal((await fetch(`${warta.base}/api/v1/articles/${id}`)).status, 404, 'not public before its time');

  // Live on its own, within a minute of publish_at.
  const article = await eventually(async () => {
    const r = await fetch(`${warta.base}/api/v1/articles/${id}`);
    return r.status === 200 ? r.json() : null;
  }, 'the scheduled article to go live', 90 * 1000);
  const liveAt = Date.now();
  assert.ok(liveAt >= publishAt - 1000, 'not before its time');
  assert.ok(liveAt - publishAt < 30 * 1000, `live ${liveAt - publishAt} ms after its time`);
  const reader = await browser.newContext({ locale: 'id-ID' });
  const readerPage = await reader.newPage();
  await readerPage.goto(`${warta.base}${article.path}`);
  assert.match(await readerPage.locator('#headline').textContent(), /Gempa Guncang Tokyo/);
  assert.match(await readerPage.locator('#body').textContent(), /kerusakn/);

  // The typo, fixed in public with a correction note.
  await page.goto(`${warta.base}/admin/articles/${id}`);
  assert.match(await page.locator('.editor-meta .badge').textContent(), /Terbit/);
  await page.fill('#body', BODY.replace(TYPO, FIXED));
  await page.fill('#correction', NOTE);
  await submit(page, 'save');
  assert.equal(new URL(page.url()).searchParams.get('done'), 'saved');
  await readerPage.goto(`${warta.base}${article.path}`);
  assert.match(await readerPage.locator('#body').textContent(), /kerusakan berarti/);
  await t.test('readers see the correction note (#correction)', async () => {
    assert.match(await readerPage.locator('#correction').textContent({ timeout: 2000 }), /salah ketik/);
  });

  // History: three revisions (create, schedule's publish, correction); restore the first.
  await page.click('a[href$="/revisions"]');
  await page.waitForSelector('#revision-list');
  await checkAxe(page);
  assert.match(await page.locator('#revision-list tbody').textContent(), /Koreksi/);
  await page.click('#revision-1 a[href$="/revisions/1"] >> nth=0');
  await page.waitForSelector('#revision-body');
  assert.match(await page.locator('#revision-body').textContent(), /kerusakn/);
  assert.match(await page.innerHTML('body'), /<del>kerusakn<\/del><ins>kerusakan<\/ins>|<ins>kerusakan<\/ins>/);
  await checkAxe(page);
  await Promise.all([page.waitForNavigation(), page.click('#restore-button')]);
  assert.equal(new URL(page.url()).searchParams.get('done'), 'restored');
  assert.match(await page.inputValue('#body'), /kerusakn/, 'the first text is current again');
  await readerPage.goto(`${warta.base}${article.path}`);
  assert.match(await readerPage.locator('#body').textContent(), /kerusakn/);

  // Unpublished: the public page answers 410 from then on; the article stays in the admin.
  await submit(page, 'unpublish');
  assert.equal(new URL(page.url()).searchParams.get('done'), 'unpublished');
  assert.match(await page.locator('.editor-meta .badge').textContent(), /Ditarik/);
  await t.test('an unpublished article answers 410', async () => {
    assert.equal(await publicStatus(article.path), 410);
  });
  assert.notEqual(await publicStatus(article.path), 200);

  for (const path of ['/admin/media', '/admin/sections']) {
    await page.goto(`${warta.base}${path}`);
    await checkAxe(page);
  }
  assert.equal(await page.locator('#section-list input[name=slug][value=dunia]').count(), 1);
  await reader.close();
  await context.close();
});

test("an author's draft needs an editor to publish", async () => {
  const { context, page } = await logIn('penulis');
  assert.equal(new URL(page.url()).pathname, '/admin/articles', 'authors have no dashboard');
  await checkAxe(page);
  await page.goto(`${warta.base}/admin/articles/new`);
  assert.equal(await page.locator('button[value=publish]').count(), 0, 'no publish button');
  assert.equal(await page.locator('button[value=schedule]').count(), 0, 'no schedule button');
  await page.fill('#title', 'Festival Lampion di Kyoto');
  await page.fill('#body', 'Ribuan lampion menghiasi kuil.');
  await submit(page, 'save');
  const id = Number(/^\/admin\/articles\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
  assert.ok(id > 0);
  await checkAxe(page);
  // A forged publish from the author's own session is refused, and nothing is published.
  const forged = await page.evaluate(async (articleId) => {
    const form = new FormData(document.getElementById('editor-form'));
    form.set('intent', 'publish');
    const r = await fetch('/admin/articles', { method: 'POST', body: form, redirect: 'manual' });
    return r.status;
  }, id);
  assert.equal(forged, 403);
  assert.equal((await fetch(`${warta.base}/api/v1/articles/${id}`)).status, 404);
  await context.close();

  const editor = await logIn('redaktur');
  await editor.page.goto(`${warta.base}/admin/articles/${id}`);
  await submit(editor.page, 'publish');
  assert.equal(new URL(editor.page.url()).searchParams.get('done'), 'published');
  assert.equal((await fetch(`${warta.base}/api/v1/articles/${id}`)).status, 200);
  await editor.context.close();
});

test('two editors save from the same version: the second sees both texts', async () => {
  const a = await logIn('redaktur');
  const b = await logIn('redaktur2');
  await a.page.goto(`${warta.base}/admin/articles/new`);
  await a.page.fill('#title', 'Harga Beras Naik');
  await a.page.fill('#body', 'Harga beras naik lima persen.');
  await submit(a.page, 'save');
  const path = new URL(a.page.url()).pathname;
  await b.page.goto(`${warta.base}${path}`);
  assert.match(await b.page.locator('#presence').textContent(), /redaktur/, 'who else is editing');
  await a.page.fill('#body', 'Harga beras naik tujuh persen menurut BPS.');
  await submit(a.page, 'save');
  await b.page.fill('#body', 'Harga beras naik enam persen.');
  const [response] = await Promise.all([b.page.waitForNavigation(), b.page.click('button[value=save]')]);
  assert.equal(response.status(), 409);
  assert.match(await b.page.locator('#their-body').textContent(), /tujuh persen menurut BPS/);
  assert.match(await b.page.locator('#your-body').textContent(), /enam persen/);
  await checkAxe(b.page);
  // Nothing was overwritten.
  await a.page.reload();
  assert.match(await a.page.inputValue('#body'), /tujuh persen/);
  await a.context.close();
  await b.context.close();
});

test('the browser keeps an unsaved draft and offers it back', async () => {
  const { context, page } = await logIn('redaktur');
  await page.goto(`${warta.base}/admin/articles/new`);
  await page.fill('#title', 'Judul yang belum disimpan');
  await page.fill('#body', 'Teks yang hampir hilang.');
  await page.waitForTimeout(800); // admin.js keeps it after half a second of quiet
  await page.goto(`${warta.base}/admin/articles/new`);
  assert.equal(await page.inputValue('#title'), '');
  await page.waitForSelector('#draft-restore:not([hidden])');
  await checkAxe(page);
  await page.click('#draft-restore-button');
  assert.equal(await page.inputValue('#title'), 'Judul yang belum disimpan');
  assert.equal(await page.inputValue('#body'), 'Teks yang hampir hilang.');
  await context.close();
});

test("the admin's own pages: inbox, sources, people, settings, static pages", async () => {
  const { context, page } = await logIn('kepala');
  for (const path of ['/admin/inbox', '/admin/sources', '/admin/people', '/admin/settings', '/admin/pages']) {
    const response = await page.goto(`${warta.base}${path}`);
    assert.equal(response.status(), 200, path);
    await checkAxe(page);
  }
  // A source added through the form is listed with its health.
  await page.goto(`${warta.base}/admin/sources`);
  await page.fill('#new_url', 'https://kabar.example/rss.xml');
  await page.fill('#new_name', 'Kabar Contoh');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/sources"] button[type=submit]')]);
  assert.match(await page.locator('#source-list').textContent(), /Kabar Contoh/);
  await checkAxe(page);
  await context.close();
});

test('axe: every admin page checked had no serious or critical violation', () => {
  const pages = new Set(axeFindings.map((f) => f.url));
  for (const path of ['/admin', '/admin/articles', '/admin/articles/new', '/admin/media', '/admin/sections',
    '/admin/inbox', '/admin/sources', '/admin/people', '/admin/settings', '/admin/pages']) {
    assert.ok(pages.has(path), `axe ran on ${path}`);
  }
  assert.ok(axeFindings.some((f) => /\/revisions\/1$/.test(f.url)), 'axe ran on a revision');
  assert.deepEqual(axeFindings.filter((f) => f.violations.length > 0), []);
});

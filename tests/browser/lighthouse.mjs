// Lighthouse 12 (npm lighthouse@12.2.3, pinned) against Debian's chromium: the home page, a
// section page and an article page of the demo site (with its drawn pictures, filed into
// sections) must score at least 95 in accessibility, best practices, SEO and performance. Prints one `bench: lighthouse_<page>_<category> N score` line per score (the
// benchmark line format of bench/run.sh) and the failing audits of any low score.
// Run through run.sh (ctest browser.lighthouse), which installs the npm packages first.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { fileDemoIntoSections } from './front_fixture.mjs';
import { HERMETIC_FLAGS, startWarta } from './harness.mjs';

const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'];
const MIN_SCORE = 95;

async function articlePath(base) {
  const html = await (await fetch(`${base}/`)).text();
  const m = /href="(\/artikel\/\d+\/[^"]+)"/.exec(html);
  if (!m) throw new Error('no article link on the home page');
  return m[1];
}

function failingAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id}: ${audit.title}`);
}

async function main() {
  const warta = await startWarta({ demo: true });
  await fileDemoIntoSections(warta.db);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...HERMETIC_FLAGS],
  });
  let failed = false;
  try {
    const pages = { home: '/', section: '/rubrik/budaya', article: await articlePath(warta.base) };
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(`${warta.base}${path}`, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
      });
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.message}`);
      for (const category of CATEGORIES) {
        const score = Math.round((lhr.categories[category].score ?? 0) * 100);
        const key = category.replace('-', '_');
        console.log(`bench: lighthouse_${name}_${key} ${score} score`);
        if (score < MIN_SCORE) {
          failed = true;
          console.error(`${name} ${category} ${score} < ${MIN_SCORE}:\n  ` +
            failingAudits(lhr, category).join('\n  '));
        }
      }
    }
  } finally {
    await chrome.kill();
    await warta.stop();
  }
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

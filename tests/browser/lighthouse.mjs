// Lighthouse 12 (npm lighthouse@12.2.3, pinned) against Debian's chromium: the home page, a
// section page and an article page of the demo site (with its drawn pictures, filed into
// sections) must score at least 95 in accessibility, best practices, SEO and performance. Prints one `bench: lighthouse_<page>_<category> N score` line per score (the
// benchmark line format of bench/run.sh) and the failing audits of any low score.
// The performance score is the median of PERFORMANCE_RUNS runs, as Lighthouse's documentation
// on variability advises: its simulated throttling scales the main-thread time it observes, so
// one run on a busy CI core can score a page well below what the page is.
// Run through run.sh (ctest browser.lighthouse), which installs the npm packages first.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { fileDemoIntoSections } from './front_fixture.mjs';
import { HERMETIC_FLAGS, startWarta } from './harness.mjs';

const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'];
const MIN_SCORE = 95;
const PERFORMANCE_RUNS = 3;

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
      const runs = [];
      for (let run = 0; run < PERFORMANCE_RUNS; run++) {
        const result = await lighthouse(`${warta.base}${path}`, {
          port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: run === 0 ? CATEGORIES : ['performance'],
        });
        if (result.lhr.runtimeError) throw new Error(`${name}: ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      const scoreOf = (lhr, category) => Math.round((lhr.categories[category].score ?? 0) * 100);
      // The median performance run; the other categories do not depend on timing.
      const byPerformance = [...runs].sort((a, b) => scoreOf(a, 'performance') - scoreOf(b, 'performance'));
      const median = byPerformance[Math.floor(byPerformance.length / 2)];
      for (const category of CATEGORIES) {
        const lhr = category === 'performance' ? median : runs[0];
        const score = scoreOf(lhr, category);
        const key = category.replace('-', '_');
        console.log(`bench: lighthouse_${name}_${key} ${score} score`);
        if (score < MIN_SCORE) {
          failed = true;
          console.error(`${name} ${category} ${score} < ${MIN_SCORE}` +
            (category === 'performance' ? ` (runs: ${runs.map((r) => scoreOf(r, category)).join(', ')})` : '') +
            ':\n  ' + failingAudits(lhr, category).join('\n  '));
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

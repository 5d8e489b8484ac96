// Shared by the browser tests: a real `warta serve` on a free loopback port with a
// temporary SQLite database, and Debian's chromium driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const WARTA = process.env.WARTA_BIN ?? new URL('../../build/release/warta', import.meta.url).pathname;
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export async function startWarta({ demo = true, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'warta-browser-'));
  const db = `sqlite:${join(dir, 'warta.db')}`;
  if (demo) {
    const r = spawnSync(WARTA, ['demo', '--db', db], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`warta demo failed: ${r.stderr}`);
  }
  const proc = spawn(WARTA, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {
    env: { ...process.env, WARTA_SERVER_ACCESS_LOG: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`warta serve did not start:\n${log}`)), 30000);
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on('exit', (code) => reject(new Error(`warta serve exited (${code}):\n${log}`)));
  });
  return {
    db,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Flags for headless Chromium on a test machine: no sandbox as root, no background traffic,
// and no name resolves (HERMETIC_FLAGS): a test that lets the browser leave loopback fails at
// once, on any machine, instead of passing only where the internet happens to be reachable.
export const HERMETIC_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: HERMETIC_FLAGS,
  });
  // axe is injected as an inline script, which the site's CSP (script-src 'self') refuses:
  // pages bypass the CSP unless a test asks for it (csp.test.mjs: bypassCSP: false).
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ bypassCSP: true, ...options });
  browser.newPage = (options = {}) => newPage({ bypassCSP: true, ...options });
  return browser;
}

// axe-core violations of impact serious or critical on the current page.
export async function seriousAxeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

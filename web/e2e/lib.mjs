// What the end-to-end scripts share: the browser, axe-core, steps and failures.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const step = (what) => console.log('step: ' + what);

export const fail = (what) => {
  throw new Error(what);
};

// run through the debugging protocol, which the page's Content-Security-Policy (no inline scripts) does not govern
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is: no serious or critical violation (WCAG 2.1 AA rules and best practices). */
export async function accessible(page, screen) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  if (found.length) fail(`axe on ${screen}: ` + found.join('; '));
}

/** The base URL and the screenshots folder from the command line, or the usage and exit 2. */
export function args(script) {
  const [base, shots] = process.argv.slice(2);
  if (!base || !shots) {
    console.error(`usage: node e2e/${script} <base URL> <screenshots folder>`);
    process.exit(2);
  }
  return { base, shots };
}

/**
 * Runs `body(browser)` in a headless Chromium (Debian's, or STEADFAST_CHROMIUM); prints `ok` when it succeeds, or
 * `FAILED: …` with a screenshot of every open page, and exit code 1.
 */
export async function run(body) {
  const browser = await chromium.launch({
    executablePath: process.env.STEADFAST_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    await body(browser);
    console.log('ok');
  } catch (e) {
    console.error('FAILED: ' + e.message);
    for (const c of browser.contexts()) {
      for (const p of c.pages()) {
        const where = join(process.env.STEADFAST_E2E_FAILURES ?? '/tmp', `failed-${Date.now()}.png`);
        await p.screenshot({ path: where }).catch(() => {});
        console.error('screenshot of the failure: ' + where + ' at ' + p.url());
      }
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** A browser context as the tests use it: a generous timeout (a loaded two-core CI machine can be slow). */
export async function newContext(browser, options) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(60_000);
  return context;
}

/** Collects the page's uncaught errors, to fail on at the end. */
export function watchErrors(page, problems) {
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
}

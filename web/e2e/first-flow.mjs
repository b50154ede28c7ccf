// End-to-end: the web app in a real headless Chromium (Debian's, driven by playwright-core) against a running
// Steadfast server. Run by the distribution's WebAppIT: node e2e/first-flow.mjs <base URL> <screenshots folder>.
// Sign up, create a habit, check it in, reload: still done; the session is an httpOnly cookie (no token in the
// page's storage) and a cookie-authenticated write without the CSRF header is refused. Saves a screenshot of each
// screen at desktop and phone width. Prints one line per step; exits 1 at the first failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node e2e/first-flow.mjs <base URL> <screenshots folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const step = (what) => console.log('step: ' + what);
const fail = (what) => {
  throw new Error(what);
};

const browser = await chromium.launch({
  executablePath: process.env.STEADFAST_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 360, height: 740 }],
  ]) {
    const context = await browser.newContext({ viewport, colorScheme: label === 'phone' ? 'dark' : 'light' });
    // a loaded CI machine (two nodes, PostgreSQL, Redis and the browser on two cores) can be slow
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    const email = `e2e-${label}-${Date.now()}@example.org`;

    step(`${label}: the app at /`);
    await page.goto(base + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: join(shots, `sign-in-${label}.png`) });

    step(`${label}: sign up`);
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    // the sign-up screen is a lazy chunk and asks who is signed in: fill it once both have settled
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    if (stored.includes('sfs_')) fail('a session token sits in the page storage');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'sf_session');
    if (!session || !session.httpOnly || session.sameSite !== 'Lax') fail('no httpOnly SameSite=Lax session cookie');

    step(`${label}: create a habit`);
    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByRole('heading', { name: 'Habits' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Name').fill('Read 20 pages');
    await page.getByRole('button', { name: 'Create habit' }).click();
    await page.getByText('Created Read 20 pages.').waitFor();
    await page.screenshot({ path: join(shots, `habits-${label}.png`) });

    step(`${label}: check it in on Today`);
    await page.getByRole('link', { name: 'Today' }).click();
    const check = page.getByRole('button', { name: 'Read 20 pages', exact: true });
    await check.waitFor();
    await check.click();
    await page.waitForFunction(
      () => document.querySelector('button[aria-label="Read 20 pages"]')?.getAttribute('aria-pressed') === 'true',
    );

    step(`${label}: reload, still done`);
    await page.reload();
    await page.getByRole('button', { name: 'Read 20 pages', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByText('1 of 1 done').waitFor();
    await page.screenshot({ path: join(shots, `today-${label}.png`), animations: 'disabled' });
    const pressed = await page
      .getByRole('button', { name: 'Read 20 pages', exact: true })
      .getAttribute('aria-pressed');
    if (pressed !== 'true') fail('the check-in did not survive a reload');

    step(`${label}: a cookie write without the CSRF header is refused`);
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/v1/habits', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Forged', type: 'boolean', schedule: { kind: 'daily' } }),
      });
      return r.status;
    });
    if (status !== 403) fail('a write without the CSRF header answered ' + status);

    step(`${label}: sign out`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    if ((await context.cookies()).some((c) => c.name === 'sf_session' && c.value)) fail('the session cookie stayed');
    if (problems.length) fail(problems.join('; '));
    await context.close();
  }
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

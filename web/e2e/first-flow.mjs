// End-to-end: the web app in a real headless Chromium (Debian's, driven by playwright-core) against a running
// Steadfast server. Run by the distribution's WebAppIT: node e2e/first-flow.mjs <base URL> <screenshots folder>.
// Sign up, create a habit (one with the keyboard alone), check it in, reload: still done; the session is an httpOnly
// cookie (no token in the page's storage) and a cookie-authenticated write without the CSRF header is refused;
// import a CSV of history (dates counted back from the server's today) in Settings → Your data, wait until it is
// done, and find the imported habit with its days;
// axe-core finds no serious or critical violation on any screen, light (desktop) and dark (phone). Saves a screenshot of each
// screen at desktop and phone width. Prints one line per step; exits 1 at the first failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessible, args, fail, newContext, run, step, watchErrors } from './lib.mjs';

const { base, shots } = args('first-flow.mjs');
mkdirSync(shots, { recursive: true });

/** A calendar day `YYYY-MM-DD` plus `days`. */
function addDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A spreadsheet's history of Journal: done on the three days before `today` (the server's, for the user). */
function historyCsv(today) {
  return [
    'habit,date,value,note,status',
    `Journal,${addDays(today, -3)},,first page,done`,
    `Journal,${addDays(today, -2)},,,done`,
    `Journal,${addDays(today, -1)},,"two pages, before bed",done`,
  ].join('\n') + '\n';
}

await run(async (browser) => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 360, height: 740 }],
  ]) {
    const context = await newContext(browser, { viewport, colorScheme: label === 'phone' ? 'dark' : 'light' });
    const page = await context.newPage();
    const problems = [];
    watchErrors(page, problems);
    const email = `e2e-${label}-${Date.now()}@example.org`;

    step(`${label}: the app at /`);
    await page.goto(base + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: join(shots, `sign-in-${label}.png`) });
    await accessible(page, `sign-in (${label})`);

    step(`${label}: sign up`);
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    // the sign-up screen is a lazy chunk and asks who is signed in: fill it once both have settled
    await page.waitForLoadState('networkidle');
    await accessible(page, `sign-up (${label})`);
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

    step(`${label}: create a habit with the keyboard alone`);
    await page.getByRole('heading', { name: 'Habits' }).click();
    const nameField = page.getByLabel('Name');
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await nameField.evaluate((e) => e === document.activeElement);
    }
    if (!focused) fail('Tab never reached the Name field');
    await page.keyboard.type('Stretch');
    await page.keyboard.press('Enter');
    await page.getByText('Created Stretch.').waitFor();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    await page.screenshot({ path: join(shots, `habits-${label}.png`) });
    await accessible(page, `habits (${label})`);
    if (!outline) fail('no focus style');

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
    await page.getByText('1 of 2 done').waitFor();
    await page.screenshot({ path: join(shots, `today-${label}.png`), animations: 'disabled' });
    await accessible(page, `today (${label})`);
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

    step(`${label}: import a CSV of history made from the server's today`);
    const today = await page.evaluate(async () => {
      const r = await fetch('/api/v1/today', { credentials: 'include', headers: { Accept: 'application/json' } });
      return (await r.json()).date;
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) fail('no today from the server: ' + today);
    const csv = historyCsv(today);
    await page.goto(base + '/settings/data');
    await page.getByRole('heading', { name: 'Bring your history' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('File to import').setInputFiles({
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const finished = page.getByText('Import done: history.csv.');
    // done, or refused or failed: then say why at once
    const refused = page.getByRole('alert').first();
    const quiet = (p) => p.catch(() => {});
    await Promise.race([quiet(finished.waitFor()), quiet(refused.waitFor())]);
    if (!(await finished.isVisible())) {
      fail('the import did not finish: ' + (await refused.textContent({ timeout: 1000 }).catch(() => 'no answer')));
    }
    await page.getByText('1 habit created').waitFor();
    await page.getByText('3 days added').waitFor();
    await finished.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, `import-${label}.png`), animations: 'disabled' });
    await accessible(page, `import (${label})`);

    step(`${label}: the imported habit is among the habits, with its days`);
    await page.getByRole('link', { name: 'See your habits' }).click();
    await page.getByRole('heading', { name: 'Habits', level: 1 }).waitFor();
    await page.getByText('Journal', { exact: true }).first().waitFor();
    const habits = await page.evaluate(async () => {
      const r = await fetch('/api/v1/habits', { credentials: 'include', headers: { Accept: 'application/json' } });
      return r.json();
    });
    const journal = habits.find((h) => h.name === 'Journal');
    if (!journal) fail('the imported habit is not among the habits: ' + JSON.stringify(habits.map((h) => h.name)));
    const days = await page.evaluate(
      async ({ id, from, to }) => {
        const r = await fetch(`/api/v1/habits/${id}/checkins?from=${from}&to=${to}`, {
          credentials: 'include',
          headers: { Accept: 'application/json' },
        });
        return r.json();
      },
      { id: journal.id, from: addDays(today, -3), to: today },
    );
    if (days.length !== 3) fail('the imported habit has ' + days.length + ' days, not 3');

    step(`${label}: sign out`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    if ((await context.cookies()).some((c) => c.name === 'sf_session' && c.value)) fail('the session cookie stayed');
    if (problems.length) fail(problems.join('; '));
    await context.close();
  }
});

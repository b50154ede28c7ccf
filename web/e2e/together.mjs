// End-to-end: two people in two browsers, each on its own node of the cluster. Run by the distribution's WebAppIT:
// node e2e/together.mjs <base URL> <screenshots folder> [<second node's base URL>].
// Ann (desktop, light) and Bob (phone, dark) sign up; Ann shares Read with her partners and keeps Diary private;
// Ann makes a partner code, Bob redeems it and sees Read but never Diary; Ann checks Read in, Bob cheers it on his
// feed, and Ann's bell shows it live, without a reload. Then Ann goes offline, adds two glasses of water, comes back
// online: the server has both, exactly once. Every other screen (habit detail, calendar, people, a partner, feed,
// achievements, settings) is checked by axe-core, light and dark, and saved at desktop and phone width.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessible, args, fail, newContext, run, step, watchErrors } from './lib.mjs';

const { base, shots } = args('together.mjs');
const base2 = process.argv[4] ?? base;
mkdirSync(shots, { recursive: true });

const PASSWORD = 'correct horse battery staple';

/** A call of the API from the page, as the app makes it: the session cookie and the CSRF header. */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith('sf_csrf='));
      const headers = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (csrf && method !== 'GET') headers['X-CSRF-Token'] = decodeURIComponent(csrf.slice('sf_csrf='.length));
      const r = await fetch('/api' + path, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    },
    { method, path, body },
  );
}

async function ok(page, method, path, body) {
  const r = await api(page, method, path, body);
  if (r.status >= 300) fail(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function signUp(page, url, name, email) {
  await page.goto(url + '/sign-up');
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

/** Opens a screen through the navigation (at phone width, Achievements and Settings are under More). */
async function open(page, link, phone) {
  if (phone && (link === 'Achievements' || link === 'Settings')) {
    await page.getByRole('button', { name: 'More' }).click();
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}

/** A screenshot and axe-core, once the screen has settled. */
async function look(page, name, label) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shots, `${name}-${label}.png`), animations: 'disabled' });
  await accessible(page, `${name} (${label})`);
}

await run(async (browser) => {
  const stamp = Date.now();
  const annContext = await newContext(browser, { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const bobContext = await newContext(browser, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const ann = await annContext.newPage();
  const bob = await bobContext.newPage();
  const problems = [];
  watchErrors(ann, problems);
  watchErrors(bob, problems);

  step('Ann signs up on the first node, Bob on the second');
  await signUp(ann, base, 'Ann', `e2e-ann-${stamp}@example.org`);
  await signUp(bob, base2, 'Bob', `e2e-bob-${stamp}@example.org`);

  step('Ann has a shared habit, a private one and a count');
  const read = await ok(ann, 'POST', '/v1/habits', {
    name: 'Read',
    type: 'boolean',
    schedule: { kind: 'daily' },
    visibility: 'partners',
  });
  await ok(ann, 'POST', '/v1/habits', { name: 'Diary', type: 'boolean', schedule: { kind: 'daily' } });
  const water = await ok(ann, 'POST', '/v1/habits', {
    name: 'Water',
    type: 'count',
    target: 8,
    unit: 'glasses',
    schedule: { kind: 'daily' },
  });

  // made behind the app's back (as an integration would): the app learns of them at the next load
  await ann.reload();

  step('Ann makes a partner code on People');
  await open(ann, 'People');
  await ann.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await ann.getByRole('button', { name: 'Make an invite code' }).click();
  const code = (await ann.getByTestId('invite-code').textContent())?.trim();
  if (!code) fail('no invite code shown');
  await look(ann, 'people', 'desktop');

  step('Bob redeems it');
  await open(bob, 'People');
  await bob.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await bob.getByLabel('Partner code').fill(code);
  await bob.getByRole('button', { name: 'Redeem code' }).click();
  await bob.getByText('You and Ann are partners now.').waitFor();
  await look(bob, 'people', 'phone');

  step('Bob sees Read among Ann’s shared habits, never Diary');
  await bob.getByRole('link', { name: 'See what they share' }).click();
  await bob.getByRole('heading', { name: 'Ann', level: 1 }).waitFor();
  await bob.getByRole('heading', { name: 'Read', level: 2 }).waitFor();
  await look(bob, 'partner', 'phone');
  if (await bob.getByText('Diary').count()) fail('the private habit shows on the partner page');
  const annId = (await ok(ann, 'GET', '/v1/me')).id;
  const shared = await ok(bob, 'GET', `/v1/partners/${annId}/habits`);
  const sharedNames = JSON.stringify(shared);
  if (!sharedNames.includes('Read') || sharedNames.includes('Diary')) fail('the API shares ' + sharedNames);

  step('Ann checks Read in and waits on her habit’s page');
  await open(ann, 'Today');
  await ann.getByRole('button', { name: 'Read', exact: true }).click();
  await ann.waitForFunction(
    () => document.querySelector('button[aria-label="Read"]')?.getAttribute('aria-pressed') === 'true',
  );
  await ann.getByRole('link', { name: 'Read', exact: true }).click();
  await ann.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
  await ann.getByRole('heading', { name: 'Statistics' }).waitFor();
  const bell = ann.getByRole('button', { name: /^Notifications/ });
  // Bob's becoming her partner is one already
  const unread = async () => Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
  const before = await unread();

  step('Bob cheers it on his feed; Ann’s bell shows it live');
  await open(bob, 'Feed');
  await bob.getByRole('heading', { name: 'Feed', level: 1 }).waitFor();
  const cheer = bob.getByRole('button', { name: "Cheer Ann's Read" });
  await cheer.click();
  await bob.waitForFunction(
    () => document.querySelector('button[aria-label="Cheer Ann\'s Read"]')?.getAttribute('aria-pressed') === 'true',
  );
  await look(bob, 'feed', 'phone');
  await ann.getByRole('button', { name: `Notifications, ${before + 1} unread` }).waitFor();
  await bell.click();
  await ann.getByRole('dialog', { name: 'Notifications' }).getByText(/Bob cheered/).waitFor();
  await ann.screenshot({ path: join(shots, 'bell-desktop.png'), animations: 'disabled' });
  await accessible(ann, 'bell (desktop)');
  await ann.keyboard.press('Escape');

  step('Ann goes offline, adds two glasses of water, comes back online');
  await open(ann, 'Today');
  const add = ann.getByRole('button', { name: 'Add one to Water' });
  await add.waitFor();
  await ann.waitForLoadState('networkidle');
  await annContext.setOffline(true);
  await add.click();
  await add.click();
  await ann
    .getByRole('status')
    .filter({ hasText: 'Offline — 2 check-ins will be sent when you are back online' })
    .waitFor();
  await ann.screenshot({ path: join(shots, 'offline-desktop.png'), animations: 'disabled' });
  await annContext.setOffline(false);
  await ann.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  const today = await ok(ann, 'GET', '/v1/today');
  const glasses = today.habits.find((i) => i.habit.id === water.id)?.progress?.value;
  if (glasses !== 2) fail(`the server has ${glasses} glasses of water, not 2`);

  step('every other screen, light and dark, desktop and phone');
  const walk = await ok(bob, 'POST', '/v1/habits', { name: 'Walk', type: 'boolean', schedule: { kind: 'daily' } });
  for (const [page, label, phone, url, habit] of [
    [ann, 'desktop', false, base, read],
    [bob, 'phone', true, base2, walk],
  ]) {
    await page.goto(`${url}/habits/${habit.id}`);
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    await look(page, 'habit-detail', label);
    await open(page, 'Calendar', phone);
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await look(page, 'calendar', label);
    await open(page, 'Achievements', phone);
    await page.getByRole('heading', { name: 'Achievements', level: 1 }).waitFor();
    await look(page, 'achievements', label);
    await open(page, 'Settings', phone);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await look(page, 'settings', label);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Notifications & channels' }).click();
    await page.getByRole('heading', { name: 'Notifications & channels' }).waitFor();
    await look(page, 'settings-channels', label);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Where you’re signed in' }).click();
    await page.getByRole('heading', { name: 'Recent security activity' }).waitFor();
    await page.getByText('Account created').first().waitFor();
    await look(page, 'settings-sessions', label);
  }
  await open(ann, 'Feed');
  await ann.getByRole('heading', { name: 'Feed', level: 1 }).waitFor();
  await look(ann, 'feed', 'desktop');
  await bob.goto(base2 + `/habits/${read.id}`);
  await bob.getByRole('heading', { name: 'Habit not found' }).waitFor();

  if (problems.length) fail(problems.join('; '));
  await annContext.close();
  await bobContext.close();
});

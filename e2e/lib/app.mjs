// What the suite knows of the running application: its address, the REST API as each user calls it,
// the mails it wrote, and the browser the people use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:18290';
export const MAIL_DIR = process.env.E2E_MAIL_DIR;
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Demo users of the local profile: the password is the user name. */
const basic = (user) => 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');

/** The demo resellers: OAuth2 clients of the embedded authorization server (secret = client id). */
const RESELLERS = ['acme', 'globex'];
const tokens = new Map();

/** A reseller's bearer token (client credentials grant), fetched again shortly before it expires. */
async function bearer(client) {
  const cached = tokens.get(client);
  if (cached && cached.expires > Date.now() + 30_000) return cached.token;
  const response = await fetch(BASE_URL + '/oauth2/token', {
    method: 'POST',
    headers: { Authorization: basic(client), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const answer = await response.json();
  assert.equal(response.status, 200, `a token for ${client}: ${JSON.stringify(answer)}`);
  tokens.set(client, { token: answer.access_token, expires: Date.now() + answer.expires_in * 1000 });
  return answer.access_token;
}

/**
 * One call of the REST API as a user: a reseller with its bearer token, staff with HTTP Basic; the
 * answer's JSON (or null) with its status.
 */
export async function api(user, method, pathAndQuery, { json, body, contentType } = {}) {
  const headers = { Authorization: RESELLERS.includes(user) ? `Bearer ${await bearer(user)}` : basic(user) };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(BASE_URL + pathAndQuery, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, type, body: payload };
}

/**
 * The CTA signed as the assignor and then the assignee: real PAdES signatures made by the test
 * classes' cta/SignForBrowserSuite, run from the application's jar (e2e/run.sh says where).
 */
export function signTwice(pdf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cta-'));
  const issued = path.join(dir, 'issued.pdf');
  const signed = path.join(dir, 'signed.pdf');
  fs.writeFileSync(issued, pdf);
  execFileSync('java', ['-cp', process.env.E2E_SIGN_JAR, `-Dloader.path=${process.env.E2E_TEST_CLASSES}`,
    '-Dloader.main=com.ingrammicro.masterpayer.cta.SignForBrowserSuite',
    'org.springframework.boot.loader.launch.PropertiesLauncher', issued, signed], { stdio: 'inherit' });
  const content = fs.readFileSync(signed);
  fs.rmSync(dir, { recursive: true, force: true });
  return content;
}

/** Polls until check returns a truthy value; fails with the description when time runs out. */
export async function eventually(description, check, { timeout = 60_000, interval = 500 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  assert.fail(`${description}: not within ${timeout / 1000} s`);
}

/** A new random 12-digit AWS account id. */
export const randomPayer = () => String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));

/** The name an administrator registers the suite's payer accounts under in the payer registry. */
export const registeredName = (payer) => `E2E payer ${payer}`;

/**
 * An administrator registers the payer account to the reseller (demo user acme: reseller ACME) in the payer registry,
 * as it must be before the reseller can request its offboarding.
 */
export async function registerPayer(reseller, payer) {
  const registered = await api('admin', 'POST', '/api/admin/payer-accounts', {
    json: { accountId: payer, resellerId: reseller.toUpperCase(), name: registeredName(payer) },
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
}

/**
 * The payer account is registered to the reseller, then the reseller starts its offboarding over REST, as its own
 * systems would; changes replace fields of the request.
 */
export async function startOffboarding(reseller, payer, changes = {}) {
  await registerPayer(reseller, payer);
  const started = await api(reseller, 'POST', '/api/offboardings', {
    json: {
      payerAccountId: payer,
      reason: 'The customer moves to another distributor',
      contactEmail: `ops@${reseller}.example`,
      newResponsibleParty: { name: 'Contoso Distribution', email: 'billing@contoso.example', kind: 'DISTRIBUTOR' },
      ...changes,
    },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return started.body.id;
}

/** The mails written to the drop folder that concern a payer: the text of each .eml file, headers unfolded. */
export function mailsAbout(payer) {
  if (!MAIL_DIR || !fs.existsSync(MAIL_DIR)) return [];
  return fs.readdirSync(MAIL_DIR).filter((name) => name.endsWith('.eml')).sort()
    // long header lines are folded onto the next line: unfold them
    .map((name) => fs.readFileSync(path.join(MAIL_DIR, name), 'utf8').replace(/\r?\n[ \t]+/g, ' '))
    .filter((mail) => mail.includes(payer));
}

/**
 * Opens a page of the staff web and signs in as the browser is asked to: single sign-on sends it to
 * the embedded OpenID provider's login page, whose form takes the user's name and password, and
 * back. Resolves once the browser has left the login page (or, when refused, is back on it).
 */
export async function signIn(page, pathAndQuery, user) {
  // the first visit of a freshly started application is slow: its webapp resources load then
  await page.goto(BASE_URL + pathAndQuery, { timeout: 90_000 });
  await page.waitForURL((url) => url.pathname === '/login', { timeout: 90_000 });
  assert.match(await page.title(), /Master Payer Offboarding/, 'the provider\'s login page carries the product\'s name');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', user);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login' || url.search.includes('error'), { timeout: 90_000 }),
    page.click('button[type=submit]'),
  ]);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

let shot = 0;
/** A numbered, full-page screenshot of the step: screenshots/NN-name.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  shot += 1;
  const file = path.join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

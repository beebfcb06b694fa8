// What a reseller writes reaches IaaS sales as text: a reason or a party name that looks like HTML or
// Markdown shows literally in Tasklist, never as a heading, a link or an image, and the task's name
// holds only the payer and reseller ids.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, randomPayer, screenshot, startOffboarding } from '../lib/app.mjs';
import { Tasklist } from '../lib/tasklist.mjs';

const payer = randomPayer();
const reason = '<h3>URGENT - approve now</h3> [link](https://evil.example)';
const partyName = '![x](https://evil.example/x.png) Contoso';
let browser;
let sales;

before(async () => {
  browser = await launchBrowser();
  await startOffboarding('globex', payer, {
    reason,
    newResponsibleParty: { name: partyName, email: 'billing@contoso.example', kind: 'DISTRIBUTOR' },
  });
  sales = new Tasklist(await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage());
});

after(async () => {
  await browser?.close();
});

test('a reason and a party name written as markup show literally in the review form', async () => {
  await sales.loginToFilters('sales');
  const name = await sales.openTask("My group's open tasks", 'Review offboarding request', payer);
  assert.equal(name, `Review offboarding request – payer ${payer} (GLOBEX)`);

  const rendered = await sales.page.$eval('.fjs-form', (form) => ({
    urgentHeadings: [...form.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.textContent.includes('URGENT')).length,
    evilLinks: form.querySelectorAll('a[href*="evil.example"]').length,
    evilImages: form.querySelectorAll('img[src*="evil.example"]').length,
  }));
  assert.deepEqual(rendered, { urgentHeadings: 0, evilLinks: 0, evilImages: 0 }, 'nothing the reseller wrote became markup');
  // nowhere on the page either: not in the task list, its variables or the task's header
  assert.equal(await sales.page.$$eval('a[href*="evil.example"], img[src*="evil.example"]', (found) => found.length), 0);
  const fields = await sales.formFields();
  assert.equal(fields['Reason given'], reason);
  assert.equal(fields['New responsible party'], partyName);
  await screenshot(sales.page, 'reseller-markup-shown-as-text');
});

// One offboarding from the reseller's request to COMPLETED, worked by the people in their real
// screens: Camunda Tasklist for IaaS sales and finance, the audit page for the auditor. The reseller
// uses the REST API, as its systems do. Each step leaves a screenshot in screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL, api, eventually, launchBrowser, mailsAbout, randomPayer, registeredName, screenshot, signIn, signTwice, startOffboarding,
} from '../lib/app.mjs';
import { Tasklist } from '../lib/tasklist.mjs';

const payer = randomPayer();
/** A second request that nobody works: the suite's application gives reviews a short due date. */
const latePayer = randomPayer();
let id;
let lateId;
let browser;
let sales;
let finance;

before(async () => {
  browser = await launchBrowser();
  lateId = await startOffboarding('globex', latePayer);
  id = await startOffboarding('acme', payer);
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  sales = new Tasklist(page);
});

after(async () => {
  await browser?.close();
});

const view = async () => (await api('acme', 'GET', `/api/offboardings/${id}`)).body;

test('a reseller has no way into any webapp: the staff login page refuses it', async () => {
  const page = await browser.newPage();
  await signIn(page, '/camunda/app/tasklist/', 'acme');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.match(await page.innerText('body'), /Sign-in refused/);
  await screenshot(page, 'reseller-refused-by-staff-login');
  for (const app of ['welcome', 'tasklist', 'cockpit', 'admin']) {
    await page.goto(`${BASE_URL}/camunda/app/${app}/default/`);
    assert.equal(new URL(page.url()).pathname, '/login', `${app} asks the reseller to sign in`);
  }
  await page.goto(`${BASE_URL}/audit/`);
  assert.equal(new URL(page.url()).pathname, '/login', 'so does the audit page');
  await page.close();
});

test('sales finds the review in its group filter, named after the payer, with the request in the form', async () => {
  assert.deepEqual(await sales.loginToFilters('sales'), ["My group's open tasks", 'Overdue', 'My tasks']);
  // the product's name, not Camunda CE's end-of-life banner, which only Admin shows (docs/camunda-ce.md)
  assert.equal(await sales.page.title(), 'Ingram Micro Master Payer Offboarding – Tasklist');
  assert.match(await sales.page.innerText('[cam-widget-header] .navbar-brand'), /Master Payer Offboarding/);
  assert.equal(await sales.page.$eval('[cam-widget-header] .ce-eol-banner', (banner) => getComputedStyle(banner).display), 'none');
  const name = await sales.openTask("My group's open tasks", 'Review offboarding request', payer);
  assert.equal(name, `Review offboarding request – payer ${payer} (ACME)`);
  assert.ok((await sales.taskNames()).includes(`Review offboarding request – payer ${latePayer} (GLOBEX)`),
    'the other reseller\'s request is listed too, under its own payer');
  const fields = await sales.formFields();
  for (const [label, fact] of [['Payer account', payer], ['Reseller', 'ACME'], ['New responsible party', 'Contoso Distribution'],
    ['Reason given', 'The customer moves to another distributor'], ['Reference', id],
    // the payer registry's entry the request was checked against
    ['Registered name', registeredName(payer)], ['Source', 'admin']]) {
    assert.equal(fields[label], fact, `the form shows ${label}`);
  }
  await screenshot(sales.page, 'sales-opens-review');
});

test('a rejection without a reason shows a clear error and the task stays open', async () => {
  // on the other request, which stays open for the overdue check below
  await sales.openTask("My group's open tasks", 'Review offboarding request', latePayer);
  await sales.claim();
  await sales.complete();
  await sales.page.waitForFunction(() => /field is required/i.test(document.querySelector('.fjs-form').innerText), null,
    { timeout: 10_000 });
  assert.match(await sales.page.innerText('body'), /An error happened while submitting the task form/);
  await screenshot(sales.page, 'review-rejection-without-reason-refused');
  const stillOpen = await api('sales', 'GET', `/engine-rest/task?processInstanceBusinessKey=${lateId}&taskDefinitionKey=Task_ReviewRequest`);
  assert.equal(stillOpen.body.length, 1, 'the review is still open');
  assert.equal(stillOpen.body[0].assignee, 'sales');
  assert.equal((await api('globex', 'GET', `/api/offboardings/${lateId}`)).body.status, 'IN_PROGRESS');
});

test('sales approves the request', async () => {
  await sales.openTask("My group's open tasks", 'Review offboarding request', payer);
  await sales.claim();
  await sales.tick('Checkbox_Approved');
  await screenshot(sales.page, 'sales-approves');
  await sales.completeAndWait(`Review offboarding request – payer ${payer} (ACME)`);
  assert.deepEqual(sales.submissions.at(-1), ['approved'], 'the form submits its outcome, not the facts it shows');
  await eventually('the reseller may upload the signed CTA',
    async () => (await view()).openActions?.some((action) => action.action === 'UPLOAD_SIGNED_CTA'));
});

test('the reseller downloads the CTA, signs it twice and uploads the signed copy over REST', async () => {
  const cta = await api('acme', 'GET', `/api/offboardings/${id}/cta`);
  assert.equal(cta.status, 200);
  assert.equal(cta.type, 'application/pdf');
  const upload = await api('acme', 'PUT', `/api/offboardings/${id}/cta/signed`, { body: signTwice(cta.body), contentType: 'application/pdf' });
  assert.equal(upload.status, 202, JSON.stringify(upload.body));
  assert.equal(upload.body.derivedFromIssuedCta, true);
  assert.deepEqual(upload.body.signatures.map((signature) => signature.valid), [true, true]);
});

test('sales countersigns, with the issued and the signed CTA linked in the form', async () => {
  await sales.openTask("My group's open tasks", 'Countersign CTA', payer);
  await sales.claim();
  const links = await sales.formLinks();
  for (const document of [`/api/offboardings/${id}/cta`, `/api/offboardings/${id}/cta/signed`]) {
    const link = links.find((candidate) => candidate.href === BASE_URL + document);
    assert.ok(link, `the form links ${document}`);
    // the link opens in sales' Tasklist session
    const pdf = await sales.page.request.get(link.href);
    assert.equal(pdf.status(), 200, `${document} opens`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
  }
  assert.match(await sales.formText(), /SHA-256\s+[0-9a-f]{64}, \d+ page\(s\), 2 digital signature\(s\)/);
  const fields = await sales.formFields();
  assert.match(fields['Same document as issued?'], /^Same document as issued/);
  const signatures = fields['Digital signatures, as the engine verified them'];
  assert.match(signatures, /^1\. Signature by CN=Alice Assignor/);
  assert.match(signatures, /2\. Signature by CN=Bob Assignee[^]*valid, not trusted, covers the whole document/);
  await sales.tick('Checkbox_CtaAccepted');
  await screenshot(sales.page, 'sales-countersigns');
  await sales.completeAndWait(`Countersign CTA – payer ${payer} (ACME)`);
  assert.deepEqual(sales.submissions.at(-1), ['ctaAccepted']);
});

test('sales hands over billing', async () => {
  await sales.openTask("My group's open tasks", 'Hand over billing', payer);
  assert.ok((await sales.formLinks()).some((link) => link.href === `${BASE_URL}/api/offboardings/${id}/cta/signed`),
    'the form links the signed CTA');
  await sales.claim();
  for (const box of ['Checkbox_BillingHandedOver', 'Checkbox_TaxSettingsUpdated', 'Checkbox_ContactsUpdated']) {
    await sales.tick(box);
  }
  await screenshot(sales.page, 'sales-hands-over-billing');
  await sales.completeAndWait(`Hand over billing – payer ${payer} (ACME)`);
  assert.deepEqual(sales.submissions.at(-1), ['billingHandedOver', 'contactsUpdated', 'taxSettingsUpdated']);
});

test('finance confirms payment clearance and sees only its own group\'s work', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  finance = new Tasklist(page);
  assert.deepEqual(await finance.loginToFilters('finance'), ["My group's open tasks", 'Overdue', 'My tasks']);
  await finance.openTask("My group's open tasks", 'Confirm payment clearance', payer);
  assert.ok(!(await finance.taskNames()).some((name) => name.startsWith('Review offboarding request')),
    'finance does not see the reviews of IaaS sales');
  await finance.claim();
  await finance.tick('Checkbox_PaymentCleared');
  await screenshot(page, 'finance-confirms-payment-clearance');
  await finance.completeAndWait(`Confirm payment clearance – payer ${payer} (ACME)`);
  assert.deepEqual(finance.submissions.at(-1), ['paymentCleared']);
});

test('sales approves the removal plan that the form shows, and nothing is removed before', async () => {
  // the application removes access through the AWS sandbox: its plan waits for a person
  await sales.openTask("My group's open tasks", 'Approve removal plan', payer);
  const fields = await sales.formFields();
  const evidence = (await api('sales', 'GET', `/api/offboardings/${id}/access-removal`)).body;
  assert.equal(evidence.status, 'PLANNED', 'nothing removed yet');
  assert.equal(fields['SHA-256 of the plan (its canonical JSON, as recorded)'], evidence.planSha256,
    'the form shows the digest of the plan as recorded');
  const targets = fields["What will be removed, and why it is the distributor's"];
  assert.match(targets, /role IMBillingRole \(named IMBillingRole\)/, 'each target with why');
  assert.match(targets, /stack cc-iam-stack-api \(holds only the distributor's/);
  assert.match(targets, /bucket policy \d{12}-cur-reports \(its policy grants cloudcheckr/);
  const calls = fields['Every call the engine will make, in this order'];
  assert.match(calls, /^1\. /m, 'every call, numbered');
  assert.match(calls, /DeleteStack cc-iam-stack-api/);
  assert.match(calls, /PutBucketPolicy \d{12}-cur-reports without statement CloudCheckrReadCur/);
  assert.match(fields['Left alone, and why'], /role CloudCheckr: service-linked role/);
  assert.match(fields['Warnings: weigh these before approving'], /permissions boundary of user cost-robot widens/);
  assert.match(fields['Warnings: weigh these before approving'], /role IMBillingRole was last used/);
  await sales.claim();
  await sales.tick('Checkbox_PlanApproved');
  await sales.page.getByText('Every call the engine will make, in this order').scrollIntoViewIfNeeded();
  await screenshot(sales.page, 'sales-approves-removal-plan');
  await sales.completeAndWait(`Approve removal plan – payer ${payer} (ACME)`);
  assert.deepEqual(sales.submissions.at(-1), ['planApproved'], 'the form submits its outcome, not the plan it shows');
});

test('the journey completes and the reseller is told', async () => {
  const completed = await eventually('the offboarding is COMPLETED', async () => {
    const current = await view();
    return current.status === 'COMPLETED' && current;
  });
  assert.equal(completed.accessRemoval.status, 'VERIFIED');
  const evidence = (await api('acme', 'GET', `/api/offboardings/${id}/access-removal`)).body;
  assert.equal(evidence.rounds[0].decision, 'APPROVED');
  assert.equal(evidence.rounds[0].decidedBy, 'sales', 'the approval is recorded in the approver\'s name');
  await eventually('the completion mail is written',
    () => mailsAbout(payer).some((mail) => mail.includes('X-Offboarding-Notification: OFFBOARDING_COMPLETED')));
});

test('an overdue task shows in the Overdue filter and is escalated by mail', async () => {
  const name = await sales.findTask('Overdue', 'Review offboarding request', latePayer);
  assert.equal(name, `Review offboarding request – payer ${latePayer} (GLOBEX)`);
  await screenshot(sales.page, 'sales-overdue-filter');
  const escalation = await eventually('the escalation mail is written', () => mailsAbout(latePayer)
    .find((mail) => mail.includes('X-Offboarding-Notification: TASK_OVERDUE')));
  assert.match(escalation, /^To: .*aws-offboarding-escalations@ingrammicro\.example/m);
  assert.match(escalation, /^Subject: Overdue: "Review offboarding request" for payer \d{12} was due/m);
  assert.ok(mailsAbout(latePayer).some((mail) => mail.includes('X-Offboarding-Notification: TASK_REMINDER')),
    'the reminder went out before');
});

test('the auditor sees the timeline and the highlighted diagram on the audit page', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
  const page = await context.newPage();
  await signIn(page, '/audit/', 'auditor');
  assert.equal(new URL(page.url()).pathname, '/audit/', 'single sign-on brings the auditor back to the audit page');
  await page.fill('input[name=payerAccountId]', payer);
  await page.evaluate(() => document.querySelector('#filters button[type=submit]').click());
  await page.waitForFunction((payer) => [...document.querySelectorAll('#rows tr')].some((row) => row.innerText.includes(payer)), payer);
  await screenshot(page, 'auditor-finds-the-offboarding');
  await page.evaluate(() => document.querySelector('#rows tr').click());
  await page.waitForSelector('#timeline li');
  await page.waitForSelector('#diagram g.node.visited[data-element-id="EndEvent_Completed"]');
  for (const step of ['Task_ReviewRequest', 'Task_CountersignCta', 'Task_HandOverBilling', 'Task_ConfirmPaymentClearance',
    'Task_ApproveRemovalPlan', 'ServiceTask_RemoveDistributorAccess']) {
    assert.ok(await page.$(`#diagram g.node.visited[data-element-id="${step}"]`), `${step} is highlighted as passed`);
  }
  const timeline = await page.$eval('#timeline', (list) => list.innerText);
  for (const actor of ['acme', 'sales', 'finance']) {
    assert.ok(timeline.includes(actor), `the timeline names ${actor}`);
  }
  assert.ok(timeline.includes(`Review offboarding request – payer ${payer} (ACME)`), 'the timeline names the review');
  await screenshot(page, 'auditor-sees-timeline-and-diagram');
  // the audit page's Sign out: the application's sign-out page, then signed out
  await page.click('a[href="/logout"]');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => /You are signed out/.test(document.body.innerText));
  await page.goto(BASE_URL + '/audit/');
  assert.equal(new URL(page.url()).pathname, '/login', 'the audit page asks for a new sign-in');
  await context.close();
});

test('Tasklist\'s Sign out ends the session: the next visit asks for the password again', async () => {
  await sales.signOut();
  await sales.page.goto(BASE_URL + '/camunda/app/tasklist/');
  await sales.page.waitForURL((url) => url.pathname === '/login', { timeout: 30_000 });
  assert.ok(await sales.page.$('input[name=password]'), 'the provider\'s login form');
  await screenshot(sales.page, 'sales-signed-out');
});

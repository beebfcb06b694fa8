// Camunda Tasklist as a person uses it. Camunda's AngularJS pages and Camunda Forms react to DOM
// clicks; Playwright's synthetic mouse events do not reach some of their handlers in headless
// Chromium (the login button, form checkboxes), so buttons and boxes are clicked through the DOM.
import assert from 'node:assert/strict';
import { eventually, signIn } from './app.mjs';

const click = (page, selector, text) => page.evaluate(({ selector, text }) => {
  const target = [...document.querySelectorAll(selector)]
    .find((element) => text === undefined || element.textContent.replace(/\s+/g, ' ').includes(text));
  if (!target) return false;
  target.click();
  return true;
}, { selector, text });

export class Tasklist {
  constructor(page) {
    this.page = page;
    /** The variable names of each form Tasklist submitted, sorted: what the engine received. */
    this.submissions = [];
    /** Every refusal the webapps' API gave this page, for the message of a failing step. */
    this.refusals = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().includes('/camunda/api/')) {
        this.refusals.push(`${response.request().method()} ${new URL(response.url()).pathname} -> ${response.status()}`);
      }
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/submit-form')) {
        this.submissions.push(Object.keys(JSON.parse(request.postData()).variables).sort());
      }
    });
  }

  /**
   * Signs in to Tasklist through single sign-on: the embedded OpenID provider's login page, then
   * back to Tasklist.
   */
  async login(user) {
    await signIn(this.page, '/camunda/app/tasklist/', user);
  }

  /** Signs out with Tasklist's own "Sign out", in the account menu of its header. */
  async signOut() {
    const signedOut = this.page.waitForResponse((response) => response.request().method() === 'POST'
      && response.url().endsWith('/api/admin/auth/user/default/logout'), { timeout: 15_000 });
    assert.ok(await click(this.page, '.account .logout a, li.logout a'), 'the header offers Sign out');
    assert.equal((await signedOut).status(), 200, 'Camunda signed out');
  }

  /** Logs in and waits for the filters. */
  async loginToFilters(user) {
    await this.login(user);
    return this.filters();
  }

  /** Waits until the filters are listed after the login, and returns their names. */
  async filters() {
    try {
      await this.page.waitForSelector('.task-filter h4.name', { timeout: 30_000 });
    } catch (notListed) {
      // once, as a person would: reload the page; a second time is a failure, with what the API refused
      await this.page.reload({ timeout: 90_000 });
      await this.page.waitForSelector('.task-filter h4.name', { timeout: 30_000 }).catch(() => {
        throw new Error(`Tasklist lists no filters after the login and a reload; the webapps' API refused: ${
          this.refusals.join('; ') || 'nothing'}`);
      });
    }
    // a filter's name is followed by its count of tasks once that is loaded
    return this.page.$$eval('.task-filter h4.name',
      (names) => names.map((name) => name.innerText.replace(/\s+/g, ' ').replace(/\s*\(?\d+\)?$/, '').trim()));
  }

  async openFilter(name) {
    assert.ok(await click(this.page, '.task-filter h4.name', name), `filter "${name}" is listed`);
  }

  /** The names of the tasks the open filter lists. */
  async taskNames() {
    return this.page.$$eval('li.task h4.task a', (links) => links.map((link) => link.textContent.trim()));
  }

  /** Waits until the filter lists a task whose name contains every text; Tasklist is refreshed meanwhile. */
  async findTask(filter, ...texts) {
    return eventually(`"${filter}" lists a task with ${texts.join(', ')}`, async () => {
      await this.openFilter(filter);
      await this.page.waitForTimeout(700);
      return (await this.taskNames()).find((name) => texts.every((text) => name.includes(text)));
    }, { timeout: 90_000, interval: 1_000 });
  }

  /** Opens a task from the list and waits for its form. */
  async openTask(filter, ...texts) {
    const name = await this.findTask(filter, ...texts);
    await click(this.page, 'li.task h4.task a', name);
    await this.page.waitForSelector('.fjs-form', { timeout: 30_000 });
    await this.page.waitForFunction((name) => document.body.innerText.includes(name), name);
    return name;
  }

  async claim() {
    assert.ok(await click(this.page, 'button.claim'), 'the task offers Claim');
    await this.page.waitForFunction(() => !document.querySelector('button.claim'), null, { timeout: 15_000 });
  }

  /** Ticks (or unticks) a checkbox of the Camunda Form by its component id. */
  async tick(componentId) {
    assert.ok(await click(this.page, `input[id$="-${componentId}"]`), `checkbox ${componentId} in the form`);
  }

  async type(componentId, text) {
    await this.page.fill(`[id$="-${componentId}"]`, text);
  }

  /** The visible text of the open form. */
  async formText() {
    return this.page.$eval('.fjs-form', (form) => form.innerText);
  }

  /**
   * The fields of the open form by label, with the value each shows: the request's facts are
   * disabled fields, whose values are not part of the form's visible text.
   */
  async formFields() {
    return this.page.$eval('.fjs-form', (form) => Object.fromEntries([...form.querySelectorAll('.fjs-form-field')]
      .map((field) => [field.querySelector('label')?.textContent.trim(), field.querySelector('input, textarea')?.value])
      .filter(([label, value]) => label && value !== undefined)));
  }

  /** The links of the open form: text and address. */
  async formLinks() {
    return this.page.$$eval('.fjs-form a', (links) => links.map((link) => ({ text: link.textContent.trim(), href: link.href })));
  }

  async complete() {
    assert.ok(await click(this.page, 'button.btn-primary', 'Complete'), 'the form offers Complete');
  }

  /** Completes the open task and waits until it has left the list. */
  async completeAndWait(name) {
    await this.complete();
    await eventually(`"${name}" leaves the list`, async () => !(await this.taskNames()).includes(name), { timeout: 30_000 });
  }
}

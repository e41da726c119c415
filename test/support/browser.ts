import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Every page checked with axe-core, for the report at the end. */
  checked: string[];
  /** What the page's real Content-Security-Policy refused; a page must need nothing it forbids. */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * A page in a browser context of its own (its own cookies, e.g. a second person), under the site's
 * real CSP: what the policy refuses is collected and fails the next accessibility check. axe-core
 * comes in through the DevTools protocol (see expectAccessible), never by relaxing the CSP.
 */
async function pageUnderCsp(browser: Browser, cspViolations: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: true });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** Another person's page next to the session's, under the same CSP watch; close its context when done. */
export function newPersonPage(session: BrowserSession): Promise<Page> {
  return pageUnderCsp(session.browser, session.cspViolations);
}

/** The app on a real port with the demo data, and Debian's chromium driven by playwright-core. */
export async function startBrowserSession(options: { env?: Record<string, string> } = {}): Promise<BrowserSession> {
  const app = await startTestApp({ variant: 'demo', env: options.env });
  const address = await app.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const cspViolations: string[] = [];
  const page = await pageUnderCsp(browser, cspViolations);
  return {
    app,
    baseUrl: address,
    browser,
    page,
    checked: [],
    cspViolations,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules on the current page and fails on any violation. */
export async function expectAccessible(session: BrowserSession, label = session.page.url()): Promise<void> {
  const { page } = session;
  assert.deepEqual(session.cspViolations, [], 'the Content-Security-Policy refused something the page needs');
  // A <script> tag would be refused by the page's CSP, as it should be; the DevTools protocol is not subject to it.
  const cdp = await page.context().newCDPSession(page);
  const injected = await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  await cdp.detach();
  assert.equal(injected.exceptionDetails, undefined, 'axe-core could not be injected');
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  session.checked.push(label);
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`).join('\n');
  assert.equal(violations.length, 0, `axe-core found WCAG 2.1 AA violations on ${label}:\n${report}`);
}

export async function visit(session: BrowserSession, path: string): Promise<void> {
  const response = await session.page.goto(`${session.baseUrl}${path}`);
  assert.ok(response, `no response for ${path}`);
  assert.ok(response.status() < 400, `${path} answered ${response.status()}`);
}

export async function login(session: BrowserSession, email: string, password: string): Promise<void> {
  await visit(session, '/anmelden');
  await session.page.getByLabel('E-Mail-Adresse').fill(email);
  await session.page.getByLabel('Passwort', { exact: true }).fill(password);
  await session.page.getByRole('button', { name: 'Anmelden' }).click();
  await session.page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
}

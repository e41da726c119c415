import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { type BrowserSession, expectAccessible, newPersonPage, login, startBrowserSession, visit } from '../support/browser.ts';
import { startSmtpServer } from '../support/smtp.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('an event from publication to the waiting list (chromium)', () => {
  let session: BrowserSession;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let eventPath: string;
  let coordinatorPage: Page;

  before(async () => {
    smtp = await startSmtpServer();
    session = await startBrowserSession({ env: { SMTP_URL: smtp.url } });
  });
  after(async () => {
    await session.close();
    await smtp.close();
  });

  async function asGuest<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const previous = session.page;
    session.page = await newPersonPage(session);
    const context = session.page.context();
    try {
      return await work(session.page);
    } finally {
      session.page = previous;
      await context.close();
    }
  }

  it('the coordinator creates and publishes an event with one seat', async () => {
    const { page } = session;
    coordinatorPage = page;
    await login(session, 'koordination-bensheim@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
    await visit(session, `/verwaltung/${BENSHEIM}/veranstaltungen/neu`);
    await expectAccessible(session, 'new event form');
    await page.locator('#title').fill('Erzählcafé im Stadtteil');
    await page.locator('#venue').fill('Stadtteiltreff West');
    await page.locator('#startsAt').fill(`${day(12)}T18:00`);
    await page.locator('#endsAt').fill(`${day(12)}T16:00`);
    await page.locator('#capacity').fill('1');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#error-summary').textContent()) ?? '', /Ende/);
    assert.equal(await page.locator('#title').inputValue(), 'Erzählcafé im Stadtteil', 'what was typed stays');
    await expectAccessible(session, 'event form with an error');
    await page.locator('#endsAt').fill(`${day(12)}T20:00`);
    await page.getByLabel('Türkisch').check();
    await page.getByLabel('stufenlos erreichbar').check();
    await page.locator('#published').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/veranstaltungen\/\d+$/);
    eventPath = `/veranstaltungen/${/veranstaltungen\/(\d+)$/.exec(page.url())?.[1]}`;
    await expectAccessible(session, 'event overview (coordinator)');
  });

  it('a first guest takes the seat, a second one lands on the waiting list', async () => {
    for (const [name, email, expected] of [
      // The page says the same for a seat, the waiting list and a known address (security review item 10); the mail tells which.
      ['Hatice Aydın', 'hatice@example.org', /E-Mail geschickt/],
      ['Petro Melnyk', 'petro@example.org', /E-Mail geschickt/],
    ] as const) {
      await asGuest(async (page) => {
        await visit(session, eventPath);
        await expectAccessible(session, `event page for ${name}`);
        await page.getByRole('link', { name: /Jetzt anmelden|Auf die Warteliste/ }).click();
        await page.waitForURL(/\/anmeldung$/);
        await expectAccessible(session, `registration form for ${name}`);
        await page.getByLabel('Vor- und Nachname').fill(name);
        await page.getByLabel('E-Mail-Adresse').fill(email);
        await page.getByRole('group', { name: 'Altersgruppe' }).getByLabel('25–54').check();
        await page.getByLabel(/Datenschutzhinweise gelesen/).check();
        await page.getByRole('button', { name: /Verbindlich anmelden|Auf die Warteliste/ }).click();
        await page.waitForLoadState();
        assert.match((await page.getByRole('status').first().textContent()) ?? '', expected);
        await expectAccessible(session, `event page after registering ${name}`);
      });
    }
    await visit(session, '/veranstaltungen');
    assert.match((await session.page.locator('main').textContent()) ?? '', /Erzählcafé im Stadtteil[\s\S]*ausgebucht/);
    await expectAccessible(session, 'event list');
  });

  it('the coordinator cancels the first registration at the door list; the second guest gets the seat by mail', async () => {
    session.page = coordinatorPage;
    await visit(session, `/verwaltung/${BENSHEIM}${eventPath}/anmeldungen`);
    await expectAccessible(session, 'check-in list');
    await session.page.getByRole('button', { name: 'Abmelden: Hatice Aydın' }).click();
    await session.page.waitForLoadState();
    assert.match((await session.page.getByRole('status').first().textContent()) ?? '', /nachgerückt/);
    await session.page.getByRole('button', { name: 'Einlassen: Petro Melnyk' }).click();
    await session.page.waitForLoadState();
    assert.ok(await session.page.getByRole('button', { name: 'Einlass zurücknehmen: Petro Melnyk' }).isVisible());
    await session.page.getByRole('button', { name: 'Zielgruppennachweis bestätigen: Petro Melnyk' }).click();
    await session.page.waitForLoadState();
    assert.ok(await session.page.getByRole('button', { name: 'Zielgruppennachweis zurücknehmen: Petro Melnyk' }).isVisible());
    await expectAccessible(session, 'check-in list with a confirmed evidence');
    await visit(session, `/verwaltung/${BENSHEIM}/veranstaltungen/nachweise?unvollstaendig=ja`);
    assert.match((await session.page.locator('main').textContent()) ?? '', /Vollständigkeit der Nachweise/);
    await expectAccessible(session, 'evidence of the town');
    while ((await session.app.app.deliverMail()) > 0) {}
    const promotion = smtp.mails.find((m) => m.to === 'petro@example.org' && /Ein Platz ist frei geworden/.test(m.subject));
    assert.ok(promotion, `mails to petro: ${smtp.mails.filter((m) => m.to === 'petro@example.org').map((m) => m.subject)}`);
    assert.ok(promotion.attachments.some((a) => a.filename === 'veranstaltung.ics'));
  });
});

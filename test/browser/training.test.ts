import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/modules/admin/demo.ts';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';

const TRAINER = 'trainerin@demo.vielfalt-verankern.de';
const TRAINEE = 'teilnehmer@demo.vielfalt-verankern.de';

describe('training in chromium: the trainer’s cohort and the trainee’s course', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
  });
  after(() => session.close());

  it('lets the trainer take attendance and ask for changes to a practice project, accessible', async () => {
    const { page } = session;
    await login(session, TRAINER, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kursleitung' }).first().click();
    await page.waitForURL(/\/kursleitung$/);
    await expectAccessible(session, '/kursleitung');
    await page.getByRole('link', { name: /Kohorte Nord \(läuft\)/ }).click();
    await page.waitForURL(/\/kursleitung\/kohorten\/\d+$/);
    assert.ok(await page.getByRole('table', { name: 'Termine der Kohorte' }).isVisible());
    assert.match((await page.getByRole('table', { name: /Fortschritt gegenüber der Abschlussregel/ }).textContent()) ?? '', /Tomasz Teilnehmer/);
    assert.match((await page.locator('body').textContent()) ?? '', /Werte erscheinen je Aussage erst ab 5 Personen/);
    await expectAccessible(session, 'trainer cohort page');

    await page
      .getByRole('link', { name: /7 von 7 anwesend/ })
      .first()
      .click();
    await page.waitForURL(/\/anwesenheit$/);
    await expectAccessible(session, 'attendance page');
    await page.getByLabel('Bernd Vogel').uncheck();
    await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await page.waitForURL(/\/anwesenheit$/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /6 anwesend/);
    assert.equal(await page.getByLabel('Bernd Vogel').isChecked(), false);

    await page.getByRole('link', { name: 'Zurück zur Kohorte' }).click();
    await page.getByRole('link', { name: 'eingereicht, wird geprüft' }).click();
    await page.waitForURL(/\/praxisprojekte\/\d+$/);
    await expectAccessible(session, 'project review page');
    await page.getByRole('button', { name: 'Änderungen erbitten' }).click();
    assert.match((await page.locator('.kern-error').first().textContent()) ?? '', /was geändert werden soll/);
    await page.getByLabel('Rückmeldung').fill('Bitte beschreiben Sie das Ergebnis genauer.');
    await page.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await page.waitForURL(/\/praxisprojekte\/\d+$/);
    assert.match((await page.locator('body').textContent()) ?? '', /Stand:\s*Änderungen erbeten/);
    await page.getByRole('button', { name: /^Abmelden/ }).click();
  });

  it('shows the trainee their progress, the feedback on the project and the self-assessment, accessible', async () => {
    const { page, app } = session;
    // The course is over in this test: the two remaining sessions move into the past, so "after" opens.
    await sql`update events set starts_at = starts_at - interval '70 days', ends_at = ends_at - interval '70 days' where cohort_id is not null and starts_at > now()`.execute(app.app.services.db);
    await login(session, TRAINEE, DEMO_PASSWORD);
    await visit(session, '/qualifizierung');
    await page.getByRole('link', { name: /Kohorte Nord \(läuft\)/ }).click();
    await page.waitForURL(/\/qualifizierung\/kohorten\/\d+$/);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.match(text, /von 5 Terminen besucht/);
    assert.match(text, /abgesagt, zählt nicht/);
    await expectAccessible(session, 'trainee course page');
    await page.getByRole('link', { name: 'Praxisprojekt ansehen und bearbeiten' }).click();
    await page.waitForURL(/\/praxisprojekt$/);
    assert.match((await page.locator('main').textContent()) ?? '', /Bitte beschreiben Sie das Ergebnis genauer/);
    await expectAccessible(session, 'practice project page');
    await page.getByLabel('Ergebnis').fill('Zwölf Formulare sind übersetzt; die Nachfrage im Bürgerbüro ist gestiegen.');
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await page.waitForURL(/\/praxisprojekt$/);
    assert.match((await page.locator('main').textContent()) ?? '', /eingereicht, wird geprüft/);

    await page.getByRole('link', { name: 'Zurück zum Kurs' }).click();
    await page.getByRole('link', { name: 'Selbsteinschätzung nach dem Kurs' }).click();
    await page.waitForURL(/\/selbsteinschaetzung\/nachher$/);
    await expectAccessible(session, 'self-assessment page');
    await page.getByRole('button', { name: 'Einschätzung absenden' }).click();
    await expectAccessible(session, 'self-assessment page with errors');
    const groups = page.locator('fieldset');
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByLabel('4', { exact: true }).check();
    await page.getByRole('button', { name: 'Einschätzung absenden' }).click();
    await page.waitForURL(/\/qualifizierung\/kohorten\/\d+$/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Einschätzung ist gespeichert/);
  });
});

// Browser tests of the demo app (www/), against the server `make demo` uses
// (`node scripts/serve.mjs www`), in headless Chromium through playwright-core.
//
// The page's clock starts at T0 = Wednesday 2026-12-09 10:00 in Helsinki (08:00Z) and
// flows from there, so the sample data (built relative to the day the app is first
// opened) is always the same and every due time below is exact. The viewer's zone is
// America/New_York (7 hours behind Helsinki in December).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, screenshot, startServer, WWW } from './support.mjs';

const T0 = '2026-12-09T08:00:00Z';
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (opts = {}) => openApp(browser.context, server.url, { time: T0, ...opts });

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
}

/** The cells of one target row of the open ticket. */
function targetRow(page, name) {
  const row = page.locator(`table.targets tr[data-target="${name}"]`);
  return {
    row,
    status: row.locator('[data-field="status"]'),
    dueCal: row.locator('[data-field="due-cal"]'),
    dueViewer: row.locator('[data-field="due-viewer"]'),
    remaining: row.locator('[data-field="remaining"]'),
    countdown: row.locator('[data-field="countdown"]'),
  };
}

async function remainingMs(page, name) {
  return Number(await targetRow(page, name).remaining.getAttribute('data-ms'));
}

function noErrors(page) {
  assert.deepEqual((page.errors ?? []).map((e) => e.message), [], 'no uncaught errors in the page');
}

describe('slaclock demo app', () => {
  test('first load shows the sample scenario with due times for the sample tickets', async () => {
    const page = await open();
    await page.waitForSelector('.ticket-card');
    assert.equal(await page.locator('.ticket-card').count(), 27);
    // The overview lists every open target with its due time in both zones.
    const r1024 = page.locator('table.live-targets tr[data-ticket="XYZ-1024"][data-target="resolution"]');
    assert.equal(await r1024.locator('[data-field="due-cal"]').textContent(), 'Wed 9 Dec, 10:15');
    assert.equal(await r1024.locator('[data-field="due-viewer"]').textContent(), 'Wed 9 Dec, 03:15');
    const r1020 = page.locator('table.live-targets tr[data-ticket="XYZ-1020"][data-target="response"]');
    assert.equal(await r1020.locator('[data-field="due-cal"]').textContent(), 'Wed 9 Dec, 10:40');
    const rows = page.locator('table.live-targets tbody tr');
    assert.equal(await rows.count(), 11);
    for (const text of await rows.locator('[data-field="due-cal"]').allTextContents()) assert.match(text, /^(\w{3} \d+ \w{3}, \d\d:\d\d|—)$/);

    // A live ticket: the silver P1 whose resolution is due in 15 minutes.
    await go(page, '#/tickets/XYZ-1024');
    const res = targetRow(page, 'resolution');
    await res.row.waitFor();
    assert.equal(await res.dueCal.getAttribute('data-iso'), '2026-12-09T10:15:00+02:00');
    assert.equal(await res.dueViewer.getAttribute('data-iso'), '2026-12-09T03:15:00-05:00');
    assert.match(await res.dueCal.textContent(), /^Wed 9 Dec, 10:15 UTC\+02:00$/);
    assert.match(await res.dueViewer.textContent(), /^Wed 9 Dec, 03:15 UTC-05:00$/);
    assert.equal(await res.status.getAttribute('data-status'), 'atRisk');
    assert.equal(await res.row.locator('.meter').getAttribute('data-percent'), '96.9');
    assert.match(await res.countdown.textContent(), /^due in 0:1[45]:\d\d$/);
    assert.equal(await targetRow(page, 'response').status.getAttribute('data-status'), 'met');

    // A closed ticket from before the review, measured against v1: missed.
    await go(page, '#/tickets/XYZ-1001');
    await page.waitForSelector('.detail-head >> text=Gold v1');
    const r = targetRow(page, 'resolution');
    assert.equal(await r.dueCal.getAttribute('data-iso'), '2026-11-06T10:15:00+02:00');
    assert.equal(await r.status.getAttribute('data-status'), 'missed');
    assert.equal(await r.countdown.textContent(), 'missed by 27 h 45 min');
    // Its timeline shades open hours, marks the pause, due and breach.
    assert.ok((await page.locator('.tl-open-rect').count()) >= 3);
    assert.ok((await page.locator('.tl-lane[data-target="resolution"] .tl-breach').count()) === 1);
    assert.ok((await page.locator('.tl-lane[data-target="resolution"] .tl-due').count()) === 1);
    assert.ok((await page.locator('.tl-now line').count()) === 1);

    // The countdowns tick every second without a reload.
    await go(page, '#/tickets/XYZ-1020');
    const before = await remainingMs(page, 'resolution');
    await page.waitForFunction((b) => Number(document.querySelector('table.targets tr[data-target="resolution"] [data-field="remaining"]').dataset.ms) <= b - 2000, before, { timeout: 5000 });
    noErrors(page);
    await page.close();
  });

  test('the due times match the package evaluating the saved data in Node', async () => {
    const page = await open();
    await page.waitForSelector('.ticket-card');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('slaclock-demo:state')));
    assert.equal(saved.schema, 1);
    const { SlaCatalog } = await import(join(WWW, 'pkg', 'sla', 'node.js'));
    const catalog = new SlaCatalog(saved.catalog);
    const evals = catalog.evaluateMany(saved.tickets, T0);
    assert.equal(evals.filter((e) => e.error).length, 0);
    const shown = await page.$$eval('table.live-targets tbody tr', (trs) => trs.map((tr) => [tr.dataset.ticket, tr.dataset.target]));
    for (const [id, target] of shown) {
      const t = evals.find((e) => e.ticketId === id).targets.find((x) => x.name === target);
      assert.ok(['onTrack', 'atRisk', 'breached', 'paused'].includes(t.status), `${id} ${target} is open`);
    }
    // Every ticket's detail shows the package's due instants.
    for (const id of ['XYZ-1013', 'XYZ-1021', 'XYZ-0986']) {
      await go(page, `#/tickets/${id}`);
      await page.waitForSelector(`.detail-head >> text=${id}`);
      const e = evals.find((x) => x.ticketId === id);
      for (const t of e.targets) {
        const cell = targetRow(page, t.name).dueCal;
        assert.equal((await cell.getAttribute('data-iso')) || null, t.due, `${id} ${t.name}`);
        assert.equal(await targetRow(page, t.name).status.getAttribute('data-status'), t.status);
      }
    }
    catalog.free();
    await page.close();
  });

  test('changing business hours changes a due time; errors show at the field and keep the last valid hours', async () => {
    const page = await open();
    await go(page, '#/hours/0');
    const wedStart = page.locator('[data-path="calendars[0].weekly.wed[0].start"]');
    await wedStart.waitFor();
    assert.equal(await wedStart.inputValue(), '08:00');
    // A typo: reported at that field, due times unchanged.
    await wedStart.fill('25:00');
    const msg = page.locator('.finding-msg[data-finding-path="calendars[0].weekly.wed[0].start"]');
    await msg.waitFor();
    assert.match(await msg.textContent(), /INVALID_WALL_TIME/);
    assert.equal(await wedStart.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('.findings-summary').textContent(), /1 error/);
    await screenshot(page, 'hours-validation');
    // The fix: Wednesday opens at 09:00.
    await wedStart.fill('09:00');
    await page.waitForSelector('.findings-summary.ok');
    assert.equal(await msg.count(), 0);
    await page.locator('.wk-open[data-date="2026-12-09"] .wk-open-label', { hasText: '09:00–16:00' }).waitFor();
    await go(page, '#/tickets/XYZ-1024');
    const res = targetRow(page, 'resolution');
    await res.row.waitFor();
    // Tue 10:15-16:00 is 5 h 45 min; the remaining 2 h 15 min from 09:00 end at 11:15.
    assert.equal(await res.dueCal.getAttribute('data-iso'), '2026-12-09T11:15:00+02:00');
    assert.equal(await res.dueViewer.getAttribute('data-iso'), '2026-12-09T04:15:00-05:00');
    noErrors(page);
    await page.close();
  });

  test('a service level edit changes a due time; the diff shows what changed between versions', async () => {
    const page = await open();
    await go(page, '#/levels/1/1'); // Silver v2
    const dur = page.locator('[data-path="serviceLevels[1].versions[1].targets.P1.resolution.duration"]');
    await dur.waitFor();
    assert.equal(await dur.inputValue(), '8h');
    await dur.fill('abc');
    const msg = page.locator('.finding-msg[data-finding-path="serviceLevels[1].versions[1].targets.P1.resolution.duration"]');
    await msg.waitFor();
    assert.match(await msg.textContent(), /INVALID_DURATION/);
    await dur.fill('9h');
    await page.waitForSelector('.findings-summary.ok');
    // The diff between Silver v1 and the edited v2.
    const diff = page.locator('table.diff');
    await diff.locator('text=P1.resolution.duration').waitFor();
    const row = diff.locator('tr', { hasText: 'P1.resolution.duration' });
    assert.deepEqual(await row.locator('td').allTextContents(), ['P1.resolution.duration', 'changed', '8 h', '9 h']);
    assert.ok(await diff.locator('tr', { hasText: 'P3.resolution.duration' }).count());
    await go(page, '#/tickets/XYZ-1024');
    const res = targetRow(page, 'resolution');
    await res.row.waitFor();
    // 7 h 45 min of 9 h used at 10:00 (86 %): still at risk, due 1 h 15 min later.
    assert.equal(await res.dueCal.getAttribute('data-iso'), '2026-12-09T11:15:00+02:00');
    assert.equal(await res.status.getAttribute('data-status'), 'atRisk');
    assert.equal(await res.row.locator('.meter').getAttribute('data-percent'), '86.1');
    noErrors(page);
    await page.close();
  });

  test('the editors add and change hours, exceptional days and dates, priorities, targets and versions', async () => {
    const page = await open();
    await go(page, '#/tickets/XYZ-1023');
    const due0 = await targetRow(page, 'resolution').dueCal.getAttribute('data-iso');
    assert.equal(due0, '2026-12-23T14:00:00+02:00');
    await go(page, '#/hours/0');
    // Saturday hours: the default new interval is 09:00-17:00.
    await page.click('[data-key="calendars[0].weekly.sat.add"]');
    await page.waitForSelector('[data-path="calendars[0].weekly.sat[0].start"]');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'calendars[0].weekly.sat[0].start', 'focus moves to the new field');
    await page.locator('.wk-open[data-date="2026-12-12"] .wk-open-label', { hasText: '09:00–17:00' }).waitFor();
    // A recurring date: Good Friday as an Easter offset.
    await page.click('[data-key="calendars[0].rules.add"]');
    await page.fill('[data-path="calendars[0].rules[2].name"]', 'Good Friday (again)');
    await page.locator('[data-path="calendars[0].rules[2].name"]').dispatchEvent('change');
    await page.selectOption('[data-key="calendars[0].rules[2].kind"]', 'easter');
    await page.waitForSelector('[data-path="calendars[0].rules[2].easterOffset"]');
    assert.match(await page.locator('[data-path="calendars[0].rules[2]"] .next').textContent(), /^Next: Fri 26 Mar 2027, Fri 14 Apr 2028$/);
    await page.selectOption('[data-key="calendars[0].rules[2].kind"]', 'nth');
    await page.selectOption('[data-path="calendars[0].rules[2].month"]', '1');
    await page.selectOption('[data-path="calendars[0].rules[2].weekday"]', 'mon');
    await page.selectOption('[data-path="calendars[0].rules[2].nth"]', '-1');
    await page.locator('[data-path="calendars[0].rules[2]"] .next', { hasText: 'Mon 25 Jan 2027' }).waitFor();
    // A one-off closed day next Monday, then special hours on it.
    await page.click('[data-key="calendars[0].exceptions.add"]');
    await page.fill('[data-path="calendars[0].exceptions[2].date"]', '2026-12-14');
    await page.locator('[data-path="calendars[0].exceptions[2].date"]').dispatchEvent('change');
    await page.selectOption('[data-key="calendars[0].exceptions[2].mode"]', 'hours');
    await page.waitForSelector('[data-path="calendars[0].exceptions[2].hours[0].start"]');
    // Saturday 09-17 and Monday 09-12 (instead of 08-16): 8 h earlier, 5 h later.
    await go(page, '#/tickets/XYZ-1023');
    const due1 = await targetRow(page, 'resolution').dueCal.getAttribute('data-iso');
    assert.ok(Date.parse(due1) < Date.parse(due0), `${due1} is before ${due0}`);
    // Service levels: a custom target with a day unit, a new priority and a new version.
    await go(page, '#/levels/2');
    await page.selectOption('[data-key="serviceLevels[2].versions[1].targets.P1.addSel"]', '__custom');
    await page.click('[data-key="serviceLevels[2].versions[1].targets.P1.add"]');
    await page.waitForSelector('[data-key="serviceLevels[2].versions[1].targets.P1.custom1.name"]');
    await page.fill('[data-key="serviceLevels[2].versions[1].targets.P1.custom1.name"]', 'rootCause');
    await page.locator('[data-key="serviceLevels[2].versions[1].targets.P1.custom1.name"]').dispatchEvent('change');
    const unit = '[data-key="serviceLevels[2].versions[1].targets.P1.rootCause.unit"]';
    await page.waitForSelector(unit);
    await page.selectOption(unit, 'endOfBusinessDay');
    assert.equal(await page.inputValue('[data-path="serviceLevels[2].versions[1].targets.P1.rootCause.duration"]'), '0');
    await page.fill('[data-path="serviceLevels[2].versions[1].targets.P1.rootCause.duration"]', '2');
    await page.click('[data-key="serviceLevels[2].versions[1].addPrio"]');
    await page.waitForSelector('[data-path="serviceLevels[2].versions[1].targets.P5"]');
    await page.click('[data-key="serviceLevels[2].newVersion"]');
    await page.waitForFunction(() => location.hash === '#/levels/2/2');
    await page.waitForSelector('table.diff, .diff-out p');
    assert.match(await page.locator('.diff-out').textContent(), /No differences/);
    await page.waitForSelector('.findings-summary.ok');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('slaclock-demo:state')));
    const bronze = saved.catalog.serviceLevels[2];
    assert.equal(bronze.versions.length, 3);
    assert.equal(bronze.versions[2].effectiveFrom, '2026-12-09T00:00:00+02:00');
    assert.deepEqual(bronze.versions[1].targets.P1.rootCause, { duration: { endOfBusinessDay: 2 }, stopOn: 'resolve' });
    assert.deepEqual(Object.keys(bronze.versions[1].targets), ['P1', 'P2', 'P3', 'P4', 'P5']);
    // A new ticket on Bronze, created now, is measured against v3 and has the new target.
    await go(page, '#/tickets');
    await page.click('[data-key="tk-new"]');
    await page.waitForSelector('[data-key="tk-service"]');
    await page.selectOption('[data-key="tk-service"]', 'devtools');
    await page.waitForSelector('.detail-head >> text=Bronze v3');
    await page.selectOption('[data-key="tk-priority"]', 'P1');
    await page.waitForSelector('table.targets tr[data-target="rootCause"]');
    // The last close of the 2nd business day after Wednesday 9 Dec: Friday 11 Dec, the
    // team-training day that closes at 12:00.
    assert.equal(await targetRow(page, 'rootCause').dueCal.getAttribute('data-iso'), '2026-12-11T12:00:00+02:00');
    noErrors(page);
    await page.close();
  });

  test('pausing a ticket freezes its remaining time; resuming runs it again', async () => {
    const page = await open();
    await go(page, '#/tickets/XYZ-1020');
    const res = targetRow(page, 'resolution');
    await res.row.waitFor();
    assert.equal(await res.status.getAttribute('data-status'), 'onTrack');
    await page.locator('.quick-actions select').selectOption('waitingForCustomer');
    await page.click('button[data-action="pause"]');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="paused"]');
    assert.equal(await res.dueCal.textContent(), 'paused — no due time');
    const frozen = await remainingMs(page, 'resolution');
    assert.ok(frozen > 3 * 3600000 && frozen < 4 * 3600000, `remaining ${frozen}`);
    await page.waitForTimeout(2500);
    assert.equal(await remainingMs(page, 'resolution'), frozen, 'a paused target does not count');
    assert.match(await res.countdown.textContent(), /^paused · 3 h \d\d min \d\d s left$/);
    // The timeline shows the pause running up to now.
    assert.ok(await page.locator('.tl-lane[data-target="resolution"] .tl-paused').count());
    await page.click('button[data-action="resume"]');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="onTrack"]');
    await page.waitForFunction((b) => Number(document.querySelector('table.targets tr[data-target="resolution"] [data-field="remaining"]').dataset.ms) <= b - 1000, frozen, { timeout: 5000 });
    // Both events are in the ticket.
    const events = await page.$$eval('table.events select[data-path$=".type"]', (s) => s.map((x) => x.value));
    assert.deepEqual(events, ['pause', 'resume']);
    noErrors(page);
    await page.close();
  });

  test('a breach appears when now passes the due time', async () => {
    const page = await open();
    await go(page, '#/tickets/XYZ-1024');
    const res = targetRow(page, 'resolution');
    await res.row.waitFor();
    // Exactly at the due instant it is not breached yet: nothing left, still at risk.
    await page.fill('#now-input', '2026-12-09T03:15:00');
    await page.locator('#now-input').dispatchEvent('change');
    await page.waitForSelector('#now-status.travel');
    await page.waitForFunction(() => document.querySelector('table.targets tr[data-target="resolution"] [data-field="remaining"]').dataset.ms === '0');
    assert.equal(await res.status.getAttribute('data-status'), 'atRisk');
    // One minute later it is.
    await page.fill('#now-input', '2026-12-09T03:16:00');
    await page.locator('#now-input').dispatchEvent('change');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="breached"]');
    assert.equal(await res.countdown.textContent(), 'overdue by 0:01:00');
    assert.equal(await remainingMs(page, 'resolution'), -60000);
    assert.equal(await page.locator('.tl-lane[data-target="resolution"] .tl-breach').count(), 1);
    assert.ok(await page.locator('.tl-lane[data-target="resolution"] .tl-over').count());
    assert.equal(await page.locator('.ticket-card[data-ticket="XYZ-1024"]').getAttribute('class'), 'ticket-card st-breached');
    await screenshot(page, 'ticket-breached');
    // The time-travel buttons move the clock; "Back to live" returns.
    await page.click('button[aria-label="Forward 1 h"]');
    await page.waitForFunction(() => document.querySelector('#now-input').value.startsWith('2026-12-09T04:16'));
    assert.equal(await res.countdown.textContent(), 'overdue by 1:01:00');
    await page.click('#now-live');
    await page.waitForSelector('#now-status.live');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="atRisk"]');
    noErrors(page);
    await page.close();
  });

  test('reload keeps edits: hours, a new ticket and its events', async () => {
    const page = await open();
    await go(page, '#/hours/0');
    await page.fill('[data-path="calendars[0].weekly.wed[0].start"]', '09:00');
    await page.locator('.wk-open[data-date="2026-12-09"] .wk-open-label', { hasText: '09:00–16:00' }).waitFor();
    // A new ticket with a response.
    await go(page, '#/tickets');
    await page.click('[data-key="tk-new"]');
    await page.waitForSelector('.detail-head >> text=XYZ-1027');
    const id = await page.inputValue('[data-key="tk-id"]');
    assert.equal(id, 'XYZ-1027');
    await page.fill('[data-key="tk-title"]', 'Invoices show the wrong VAT rate');
    await page.locator('[data-key="tk-title"]').dispatchEvent('change');
    await page.selectOption('[data-key="tk-service"]', 'maintenance');
    await page.waitForSelector('.detail-head >> text=Silver v2');
    await page.selectOption('[data-key="tk-priority"]', 'P1');
    await page.waitForSelector('table.targets tr[data-target="response"]');
    await page.click('button[data-action="respond"]');
    await page.waitForSelector('table.targets tr[data-target="response"] [data-status="met"]');
    const dueBefore = await targetRow(page, 'resolution').dueCal.getAttribute('data-iso');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('.detail-head >> text=Invoices show the wrong VAT rate');
    assert.equal(await targetRow(page, 'response').status.getAttribute('data-status'), 'met');
    assert.equal(await targetRow(page, 'resolution').dueCal.getAttribute('data-iso'), dueBefore);
    assert.equal(await page.locator('.ticket-card').count(), 28);
    await go(page, '#/tickets/XYZ-1024');
    assert.equal(await targetRow(page, 'resolution').dueCal.getAttribute('data-iso'), '2026-12-09T11:15:00+02:00');
    await go(page, '#/hours/0');
    assert.equal(await page.inputValue('[data-path="calendars[0].weekly.wed[0].start"]'), '09:00');
    assert.equal(await page.locator('.banner.error').count(), 0);
    noErrors(page);
    await page.close();
  });

  test('a bad import shows the errors with their paths and keeps the old data', async () => {
    const page = await open();
    await go(page, '#/data');
    await page.waitForSelector('#import-text');
    const savedBefore = await page.evaluate(() => localStorage.getItem('slaclock-demo:state'));
    const doc = JSON.parse(savedBefore).catalog;
    doc.calendars[0].weekly.tue = [['08:00', '25:00']];
    doc.services[0].serviceLevel = 'platinum';
    doc.serviceLevels[0].versions[1].targets.P1.resolution.duration = 'four hours';
    await page.fill('#import-text', JSON.stringify(doc));
    await page.click('#import-run');
    const result = page.locator('#import-result[data-ok="false"]');
    await result.waitFor();
    assert.match(await result.locator('strong').textContent(), /^Import rejected: 3 problems\. Your current data is unchanged\.$/);
    const paths = await result.locator('li code').allTextContents();
    assert.deepEqual(paths.sort(), ['calendars[0].weekly.tue[0].end', 'serviceLevels[0].versions[1].targets.P1.resolution.duration', 'services[0].serviceLevel']);
    assert.deepEqual((await result.locator('li').evaluateAll((l) => l.map((x) => x.dataset.code))).sort(), ['INVALID_DURATION', 'INVALID_WALL_TIME', 'UNKNOWN_REFERENCE']);
    await screenshot(page, 'data-import-rejected');
    // Tickets with an error, as a file; and a file that is not JSON.
    await page.setInputFiles('#import-file', [
      { name: 'tickets.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ id: 'N-1', service: 'hosting', priority: 'P2', createdAt: '2026-12-01T10:00' }, { id: 'N-2', service: 'nowhere', priority: 'P2', createdAt: '2026-12-01T10:00:00Z' }])) },
    ]);
    await page.waitForSelector('#import-result li[data-problem-path="tickets[0].createdAt"]');
    assert.equal(await page.locator('#import-result li[data-problem-path="tickets[0].createdAt"]').getAttribute('data-code'), 'NAIVE_TIMESTAMP');
    assert.equal(await page.locator('#import-result li[data-problem-path="tickets[1].service"]').getAttribute('data-code'), 'UNKNOWN_REFERENCE');
    await page.setInputFiles('#import-file', [{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "calendars": [') }]);
    await page.waitForSelector('#import-result li[data-code="INVALID_JSON"]');
    // Nothing changed.
    assert.equal(await page.evaluate(() => localStorage.getItem('slaclock-demo:state')), savedBefore);
    await go(page, '#/tickets/XYZ-1024');
    assert.equal(await targetRow(page, 'resolution').dueCal.getAttribute('data-iso'), '2026-12-09T10:15:00+02:00');
    assert.equal(await page.locator('.ticket-card').count(), 27);
    noErrors(page);
    await page.close();
  });

  test('export and import round-trip in the package formats; the export works with new SlaCatalog in Node', async () => {
    const page = await open();
    await go(page, '#/data');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-catalog')]);
    const catalogText = readFileSync(await dl.path(), 'utf8');
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#export-tickets')]);
    const ticketsText = readFileSync(await dl2.path(), 'utf8');
    assert.equal(dl.suggestedFilename(), 'slaclock-catalog.json');
    const { SlaCatalog } = await import(join(WWW, 'pkg', 'sla', 'node.js'));
    const catalog = new SlaCatalog(catalogText);
    assert.deepEqual(catalog.findings, []);
    const tickets = JSON.parse(ticketsText);
    const e = catalog.evaluate(tickets.find((t) => t.id === 'XYZ-1024'), T0);
    assert.equal(e.targets.find((t) => t.name === 'resolution').due, '2026-12-09T10:15:00+02:00');
    catalog.free();
    // Import both files back after a change: the change is undone.
    await go(page, '#/tickets/XYZ-1024');
    await page.click('button[data-action="resolve"]');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="met"]');
    await go(page, '#/data');
    await page.setInputFiles('#import-file', [
      { name: 'slaclock-catalog.json', mimeType: 'application/json', buffer: Buffer.from(catalogText) },
      { name: 'slaclock-tickets.json', mimeType: 'application/json', buffer: Buffer.from(ticketsText) },
    ]);
    await page.waitForSelector('#import-result[data-ok="true"]');
    assert.match(await page.locator('#import-result').textContent(), /Imported the catalog \(3 calendars, 3 service levels, 6 services\) and 27 tickets\./);
    await go(page, '#/tickets/XYZ-1024');
    await page.waitForSelector('table.targets tr[data-target="resolution"] [data-status="atRisk"]');
    noErrors(page);
    await page.close();
  });

  test('unreadable saved data is kept as a backup and reported, never dropped', async () => {
    const page = await open();
    const broken = '{"schema":1,"catalog":{"calendars":[';
    await page.evaluate((b) => localStorage.setItem('slaclock-demo:state', b), broken);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const banner = page.locator('.banner.error');
    await banner.waitFor();
    assert.match(await banner.textContent(), /The saved data could not be read: it is not valid JSON/);
    const key = await banner.getAttribute('data-backup');
    assert.match(key, /^slaclock-demo:backup:/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), broken);
    assert.equal(await page.locator('.ticket-card').count(), 27, 'the app starts with the sample data');
    // Data written by a newer version of the app is not read either.
    const newer = JSON.stringify({ schema: 99, catalog: {}, tickets: [] });
    await page.evaluate((b) => localStorage.setItem('slaclock-demo:state', b), newer);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('.banner.error', { hasText: 'newer version' }).waitFor();
    await go(page, '#/data');
    const items = page.locator('ul.backups li');
    assert.equal(await items.count(), 2);
    const contents = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('slaclock-demo:backup:')).map((k) => localStorage.getItem(k)).sort());
    assert.deepEqual(contents, [broken, newer].sort());
    await screenshot(page, 'data-backups');
    noErrors(page);
    await page.close();
  });

  test('the week view follows the engine across a DST change', async () => {
    const page = await open();
    await go(page, '#/hours/1');
    await page.waitForSelector('.week-svg');
    await page.click('button:has-text("Next DST change")');
    // Helsinki springs forward on Sunday 2027-03-28: a 23-hour day.
    await page.waitForSelector('.week-label >> text=Mon 22 Mar 2027');
    assert.match(await page.locator('.week-svg').textContent(), /23 h day \(DST\)/);
    assert.match(await page.locator('.week-note').textContent(), /Sun 28 Mar has 23 hours/);
    // Saturday's 10:00-14:00 and the weekdays' 07:00-20:00, from openIntervals (Good
    // Friday and Easter Monday are closed by the FI preset).
    assert.equal(await page.locator('.wk-open[data-date="2027-03-26"]').count(), 0);
    assert.equal(await page.locator('.wk-open[data-date="2027-03-27"]').getAttribute('data-start'), '2027-03-27T08:00:00.000Z');
    assert.equal(await page.locator('.wk-open[data-date="2027-03-25"]').getAttribute('data-start'), '2027-03-25T05:00:00.000Z');
    await page.locator('.week-card').screenshot({ path: join(WWW, '..', 'test-output', 'screenshots', 'hours-dst-week.png') });
    // After the change, 07:00 is EEST (+03:00): Tuesday opens at 04:00Z.
    await page.click('button[aria-label="Next week"]');
    await page.waitForSelector('.week-label >> text=Mon 29 Mar 2027');
    assert.equal(await page.locator('.wk-open[data-date="2027-03-29"]').count(), 0);
    assert.equal(await page.locator('.wk-open[data-date="2027-03-30"]').getAttribute('data-start'), '2027-03-30T04:00:00.000Z');
    // The night desk (22:00-06:00 every night) in the same week: on Sunday the night
    // from Saturday loses an hour, 00:00-06:00 is 5 real hours, plus 22:00-24:00.
    await go(page, '#/hours/2');
    await page.fill('.week-nav input[type="date"]', '2027-03-24');
    await page.locator('.week-nav input[type="date"]').dispatchEvent('change');
    await page.waitForSelector('.week-label >> text=Mon 22 Mar 2027');
    const totals = await page.locator('.week-svg .wk-total').allTextContents();
    assert.deepEqual(totals, ['8 h open', '8 h open', '8 h open', '8 h open', '8 h open', '8 h open', '7 h open']);
    await page.locator('.week-card').screenshot({ path: join(WWW, '..', 'test-output', 'screenshots', 'hours-dst-night.png') });
    // Back in autumn: 25 hours on 2027-10-31, 00:00-06:00 is 7 real hours.
    await page.fill('.week-nav input[type="date"]', '2027-10-27');
    await page.locator('.week-nav input[type="date"]').dispatchEvent('change');
    await page.waitForSelector('.week-svg >> text=25 h day (DST)');
    assert.equal((await page.locator('.week-svg .wk-total').allTextContents())[6], '9 h open');
    noErrors(page);
    await page.close();
  });

  test('reports: charts by priority and month, worst breaches, and the v1 vs v2 what-if', async () => {
    const page = await open();
    await go(page, '#/reports');
    await page.waitForSelector('.reports .chart');
    assert.ok((await page.locator('.reports svg.chart').count()) >= 4);
    assert.equal(await page.locator('table.worst tbody tr').first().getAttribute('data-ticket'), 'XYZ-1001');
    const heat = await page.locator('table.heat thead th').allTextContents();
    assert.deepEqual(heat, ['Priority', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026']);
    // The what-if: XYZ-1001's resolution was missed under v1 and is met under v2.
    const change = page.locator('table.changes tr[data-ticket="XYZ-1001"][data-target="resolution"]');
    assert.deepEqual(await change.locator('[data-status]').evaluateAll((b) => b.map((x) => x.dataset.status)), ['missed', 'met']);
    const fixedTile = page.locator('.whatif .tile', { hasText: 'Breaches v2 fixes' });
    assert.equal(await fixedTile.locator('.tile-value').textContent(), '6');
    await screenshot(page, 'reports');
    noErrors(page);
    await page.close();
  });

  test('every control is labelled and the main views work from the keyboard', async () => {
    const page = await open();
    const unlabelled = async () => page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !el.closest('[hidden]') && el.type !== 'hidden')
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML.slice(0, 120)));
    for (const hash of ['#/tickets', '#/tickets/XYZ-1022', '#/hours/0', '#/levels/0', '#/levels/services', '#/reports', '#/data']) {
      await go(page, hash);
      await page.waitForTimeout(150);
      assert.deepEqual(await unlabelled(), [], `unlabelled controls on ${hash}`);
    }
    // Keyboard: the navigation is reachable with Tab and follows Enter.
    await go(page, '#/tickets');
    await page.locator('.mainnav a[data-view="reports"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/reports');
    await page.locator('.mainnav a[data-view="tickets"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.view), 'hours');
    noErrors(page);
    await page.close();
  });

  test('the deadline calculator moved to calendar.html and still works', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => { page.errors = [...(page.errors ?? []), e]; });
    await page.goto(`${server.url}/calendar.html`);
    // Its example: opened Friday 16:30 in Helsinki, 4 business hours, 08:00-16:00.
    await page.waitForFunction(() => document.querySelector('#deadline')?.textContent === '2026-12-07T12:00:00+02:00');
    await page.click('a:has-text("SLA studio")');
    await page.waitForSelector('body[data-ready="true"]');
    noErrors(page);
    await page.close();
  });

  test('screenshots of the main views, wide and at phone width', async () => {
    const page = await open();
    await page.waitForSelector('.ticket-card');
    await screenshot(page, 'tickets');
    await go(page, '#/tickets/XYZ-1022');
    await page.waitForSelector('.timeline-svg');
    await screenshot(page, 'ticket-detail');
    await go(page, '#/hours/0');
    await page.waitForSelector('.week-svg');
    await screenshot(page, 'hours');
    await go(page, '#/levels/0/1');
    await page.waitForSelector('table.diff');
    await screenshot(page, 'levels');
    await go(page, '#/levels/services');
    await page.waitForSelector('table.services');
    await screenshot(page, 'services');
    await go(page, '#/data');
    await page.waitForSelector('#import-text');
    await screenshot(page, 'data');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [hash, name] of [['#/tickets', 'phone-tickets'], ['#/tickets/XYZ-1024', 'phone-ticket-detail'], ['#/hours/0', 'phone-hours'], ['#/reports', 'phone-reports']]) {
      await go(page, hash);
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${hash} fits a phone screen (overflow ${overflow}px)`);
      await screenshot(page, name);
    }
    noErrors(page);
    await page.close();
  });
});

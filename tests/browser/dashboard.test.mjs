// dashboard.test.mjs: the dashboard in a real browser (Debian's chromium,
// driven by playwright-core), over a store served by `dateline serve`.
// Usage: node dashboard.test.mjs BASE_URL SCREENSHOT_DIR
// Each view is checked against the API's own counts; the page must make no
// request outside the server (it has to work offline) and throw no error.
// Prints one line per case and a summary "e2e-dashboard: N passed, M failed".
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) { console.error('usage: node dashboard.test.mjs BASE_URL SCREENSHOT_DIR'); process.exit(2); }
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok' : 'FAIL'} dashboard/${name}${detail ? ': ' + detail : ''}`);
}
const api = async (p) => (await fetch(new URL(p, base))).json();
const sum = (rows, k = 'events') => rows.reduce((s, r) => s + r[k], 0);

const profile = mkdtempSync(path.join(tmpdir(), 'dl-chromium-'));
// A fresh profile each run (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1360, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [], outside = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(base)) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const ready = () => page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 20000 });

  await page.goto(base);
  await ready();
  await page.waitForTimeout(1500); // let the force layout settle for the picture

  // Timeline: the stacked bars add up to the API's time series.
  const series = await api('/api/aggregates?by=day&group=quad');
  const bars = await page.$$eval('#timeline .bar', (b) => b.map((x) => +x.dataset.count));
  check('timeline-renders', bars.length > 0, `${bars.length} bars`);
  check('timeline-counts', bars.reduce((a, b) => a + b, 0) === sum(series.rows),
    `bars ${bars.reduce((a, b) => a + b, 0)}, API ${sum(series.rows)}`);
  check('timeline-legend', (await page.textContent('#legend')).includes('material conflict') || series.rows.every((r) => r.key !== 4));

  // Network: one edge per dyad (the 60 busiest), widths from their counts.
  const dyads = (await api('/api/aggregates?by=dyad')).rows.slice(0, 60);
  const edges = await page.$$eval('#network line.edge', (l) => l.map((x) => +x.dataset.events));
  check('network-renders', edges.length === dyads.length && edges.length > 0, `${edges.length} edges, API ${dyads.length}`);
  check('network-counts', edges.reduce((a, b) => a + b, 0) === sum(dyads));
  const nodes = await page.$$eval('#network g.node', (n) => n.length);
  check('network-nodes', nodes >= 2, `${nodes} nodes`);

  // Map: every country the API counts and the atlas draws has its count.
  const countries = (await api('/api/aggregates?by=country')).rows;
  const drawn = await page.$$eval('#map path.country', (p) => Object.fromEntries(p.map((x) => [x.dataset.iso, +x.dataset.events])));
  const onMap = countries.filter((c) => c.country in drawn);
  check('map-renders', Object.keys(drawn).length > 150, `${Object.keys(drawn).length} countries drawn`);
  check('map-counts', onMap.length > 0 && onMap.every((c) => drawn[c.country] === c.events),
    `${onMap.length} of ${countries.length} countries with events on the map`);

  // Table: the first page of events.
  const page1 = await api('/api/events?limit=50');
  const rows = await page.$$eval('#events tbody tr[data-id]', (r) => r.map((x) => x.dataset.id));
  check('table-renders', rows.length === page1.events.length && rows[0] === String(page1.events[0].id),
    `${rows.length} rows, API ${page1.events.length}`);
  await page.screenshot({ path: path.join(shots, 'dashboard.png') });
  await page.screenshot({ path: path.join(shots, 'dashboard-full.png'), fullPage: true });

  // A filter: the busiest actor. The URL, the table and the timeline follow.
  const actor = (await api('/api/aggregates?by=actor')).rows[0].actor;
  await page.fill('#filters input[name=actor]', actor);
  await page.click('#filters button[type=submit]');
  await page.waitForFunction((a) => location.search.includes('actor=' + a), actor, { timeout: 10000 });
  await ready();
  check('filter-url', new URL(page.url()).searchParams.get('actor') === actor, page.url());
  const filtered = await api(`/api/events?actor=${actor}&limit=50`);
  const frows = await page.$$eval('#events tbody tr[data-id]', (r) => r.map((x) => x.dataset.id));
  check('filter-table', frows.length === filtered.events.length && frows.length < rows.length + 1 &&
    frows.every((id, i) => id === String(filtered.events[i].id)), `${frows.length} rows, API ${filtered.events.length}`);
  const fseries = await api(`/api/aggregates?by=day&group=quad&actor=${actor}`);
  const fbars = await page.$$eval('#timeline .bar', (b) => b.reduce((s, x) => s + +x.dataset.count, 0));
  check('filter-timeline', fbars === sum(fseries.rows) && fbars < sum(series.rows) + 1, `${fbars} vs API ${sum(fseries.rows)}`);

  // A row opens its sentence and explanation; the URL keeps it.
  await page.click('#events tbody tr[data-id]');
  await page.waitForSelector('#detail:not([hidden]) #detail-explain', { timeout: 10000 });
  const first = filtered.events[0];
  const sentence = await page.textContent('#detail-sentence');
  const explain = await page.textContent('#detail-explain');
  check('explain-opens', sentence.trim() === first.sentence_text.trim(), sentence.slice(0, 60));
  check('explain-pattern', explain.includes(first.explain.pattern) && explain.includes(first.cameo));
  check('explain-url', new URL(page.url()).searchParams.get('event') === String(first.id));
  await page.screenshot({ path: path.join(shots, 'explain.png') });

  // The shared address restores the view in a new page.
  const shared = page.url();
  const page2 = await browser.newPage();
  await page2.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page2.goto(shared);
  await page2.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 20000 });
  check('shared-url', (await page2.inputValue('#filters input[name=actor]')) === actor &&
    await page2.isVisible('#detail-explain'));
  await page2.close();

  // The search box finds articles.
  await page.click('#detail-close');
  const word = (await api('/api/events?limit=1')).events[0].source.text.split(' ').pop();
  await page.fill('#q', word);
  await page.press('#q', 'Enter');
  await page.waitForSelector('#search-card:not([hidden]) #search-results li', { timeout: 10000 });
  const results = await page.$$eval('#search-results li b', (l) => l.length);
  const apiResults = (await api(`/api/search?q=${encodeURIComponent(word)}&limit=20`)).results.length;
  check('search', results === apiResults && results > 0, `${results} results for '${word}', API ${apiResults}`);
  await page.screenshot({ path: path.join(shots, 'search.png') });

  check('offline', outside.length === 0, outside.slice(0, 3).join(' '));
  check('no-errors', errors.length === 0, errors.slice(0, 3).join(' | '));
} catch (err) {
  check('run', false, String(err && err.stack || err).split('\n').slice(0, 3).join(' '));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`e2e-dashboard: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

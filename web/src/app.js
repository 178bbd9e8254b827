// app.js: the dateline dashboard. Every view is drawn from the JSON API of
// `dateline serve`; the filters live in the page's URL, so a view can be
// shared by sharing the address. Bundled by web/build.mjs.
import { select, pointer } from 'd3-selection';
import { scaleTime, scaleLinear, scaleOrdinal, scaleSqrt, scaleSequentialLog } from 'd3-scale';
import { interpolateYlOrRd, schemeTableau10, schemeSet3 } from 'd3-scale-chromatic';
import { axisBottom, axisLeft } from 'd3-axis';
import { stack, stackOrderNone, stackOffsetNone } from 'd3-shape';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from 'd3-force';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { max, sum, extent } from 'd3-array';
import { drag } from 'd3-drag';
import { feature } from 'topojson-client';

const FILTERS = ['actor', 'plover', 'cameo', 'country', 'since', 'until'];
const VIEW = ['stack', 'by', 'q', 'event'];
const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLOUR = { 1: '#7cc4a0', 2: '#2e8b57', 3: '#f0a04b', 4: '#d1483f' };

// ------------------------------------------------------------ state & URL

function readState() {
  const u = new URLSearchParams(location.search);
  const s = {};
  for (const k of [...FILTERS, ...VIEW]) s[k] = u.get(k) || '';
  if (!s.stack) s.stack = 'quad';
  return s;
}

let state = readState();

function writeState(push = true) {
  const u = new URLSearchParams();
  for (const k of [...FILTERS, ...VIEW]) {
    if (!state[k]) continue;
    if (k === 'stack' && state[k] === 'quad') continue;
    u.set(k, state[k]);
  }
  const url = location.pathname + (u.toString() ? '?' + u : '');
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function filterParams(extra = {}) {
  const u = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) u.set(k, state[k]);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') u.set(k, v);
  return u.toString();
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

const el = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const actorLabel = (a) => (a ? a.name || a.text || a.code : '');

function setFilter(k, v) {
  state[k] = state[k] === v ? '' : v; // clicking the same thing again clears it
  state.event = '';
  writeState();
  refresh();
}

// ------------------------------------------------------------- timeline

async function drawTimeline() {
  const group = state.stack === 'plover' ? 'plover' : 'quad';
  // Without a chosen interval: days for a short span, else weeks, so the
  // bars stay wide enough to see and to click.
  let by = state.by || 'day';
  let data = await api(`/api/aggregates?${filterParams({ by, group })}`);
  if (!state.by && data.rows.length) {
    const days = (new Date(data.rows[data.rows.length - 1].period) - new Date(data.rows[0].period)) / 864e5;
    if (days > 90) { by = 'week'; data = await api(`/api/aggregates?${filterParams({ by, group })}`); }
  }
  const root = el('timeline');
  root.innerHTML = '';
  const total = sum(data.rows, (r) => r.events);
  root.dataset.total = total;
  el('timeline-total').textContent = `${total} dated events, per ${by}`;
  if (!data.rows.length) { root.innerHTML = '<div class="empty">No dated events match these filters.</div>'; el('legend').innerHTML = ''; return; }
  const keys = [...new Set(data.rows.map((r) => String(r.key ?? 'none')))].sort();
  const colour = group === 'quad'
    ? (k) => QUAD_COLOUR[k] || '#999'
    : scaleOrdinal([...schemeTableau10, ...schemeSet3]).domain(keys);
  const periods = new Map();
  for (const r of data.rows) {
    const p = periods.get(r.period) || { period: r.period, date: new Date(r.period + 'T00:00:00Z') };
    p[String(r.key ?? 'none')] = r.events;
    periods.set(r.period, p);
  }
  const rows = [...periods.values()];
  for (const p of rows) for (const k of keys) p[k] = p[k] || 0;
  const series = stack().keys(keys).order(stackOrderNone).offset(stackOffsetNone)(rows);
  const W = root.clientWidth || 900, H = root.clientHeight || 220, m = { t: 8, r: 12, b: 24, l: 34 };
  const stepDays = by === 'month' ? 30 : by === 'week' ? 7 : 1;
  const [d0, d1] = extent(rows, (r) => r.date);
  const x = scaleTime().domain([new Date(+d0 - 864e5 * stepDays), new Date(+d1 + 864e5 * stepDays * 2)]).range([m.l, W - m.r]);
  const y = scaleLinear().domain([0, max(series, (s) => max(s, (d) => d[1])) || 1]).nice().range([H - m.b, m.t]);
  const bw = Math.max(3, Math.min(40, (x(new Date(+d0 + 864e5 * stepDays)) - x(d0)) * 0.85));
  const svg = select(root).append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.b})`).call(axisBottom(x).ticks(Math.max(2, W / 110)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(4).tickSizeOuter(0));
  svg.append('g').selectAll('g').data(series).join('g').attr('fill', (s) => colour(s.key))
    .selectAll('rect').data((s) => s.map((d) => ({ d, key: s.key }))).join('rect')
    .filter(({ d }) => d[1] > d[0])
    .attr('class', 'bar')
    .attr('data-count', ({ d }) => d[1] - d[0])
    .attr('x', ({ d }) => x(d.data.date) - bw / 2).attr('width', bw)
    .attr('y', ({ d }) => y(d[1])).attr('height', ({ d }) => Math.max(1, y(d[0]) - y(d[1])))
    .on('click', (ev, { d }) => {
      // A bar narrows the dates to its period.
      const start = d.data.period;
      const end = new Date(+d.data.date + 864e5 * (stepDays === 30 ? 0 : stepDays - 1));
      if (stepDays === 30) end.setUTCMonth(end.getUTCMonth() + 1, 0);
      state.since = start; state.until = end.toISOString().slice(0, 10); state.event = '';
      writeState(); refresh();
    })
    .append('title').text(({ d, key }) => `${d.data.period}: ${d[1] - d[0]} × ${group === 'quad' ? QUAD[key] || key : key}`);
  el('legend').innerHTML = keys.map((k) => `<span><i style="background:${colour(k)}"></i>${esc(group === 'quad' ? QUAD[k] || k : k)}</span>`).join('');
}

// -------------------------------------------------------------- network

let simulation;

async function drawNetwork() {
  const data = await api(`/api/aggregates?${filterParams({ by: 'dyad' })}`);
  const root = el('network');
  root.innerHTML = '';
  if (simulation) simulation.stop();
  const dyads = data.rows.slice(0, 60);
  root.dataset.edges = dyads.length;
  root.dataset.events = sum(dyads, (d) => d.events);
  if (!dyads.length) { root.innerHTML = '<div class="empty">No events with both a source and a target.</div>'; return; }
  const nodes = new Map();
  const node = (code, name) => {
    if (!nodes.has(code)) nodes.set(code, { id: code, name: name || code, events: 0 });
    const n = nodes.get(code);
    if (name && n.name === code) n.name = name;
    return n;
  };
  const links = dyads.map((d) => {
    const s = node(d.source, d.source_name), t = node(d.target, d.target_name);
    s.events += d.events; t.events += d.events;
    return { source: s, target: t, events: d.events, tone: (d.conflict - d.cooperation) / d.events, d };
  });
  const W = root.clientWidth || 500, H = root.clientHeight || 380;
  const width = scaleLinear().domain([1, max(links, (l) => l.events)]).range([1.5, 9]);
  const tone = scaleLinear().domain([-1, 0, 1]).range(['#2e8b57', '#9aa3b5', '#d1483f']);
  const radius = scaleSqrt().domain([1, max([...nodes.values()], (n) => n.events)]).range([5, 18]);
  const svg = select(root).append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  svg.append('defs').selectAll('marker').data(['#2e8b57', '#9aa3b5', '#d1483f']).join('marker')
    .attr('id', (c, i) => 'arrow' + i).attr('viewBox', '0 -4 8 8').attr('refX', 8).attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 9).attr('markerHeight', 9).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', (c) => c);
  const link = svg.append('g').selectAll('line').data(links).join('line')
    .attr('class', 'edge').attr('stroke', (l) => tone(l.tone)).attr('stroke-opacity', 0.75)
    .attr('stroke-width', (l) => width(l.events)).attr('data-events', (l) => l.events)
    .attr('marker-end', (l) => `url(#arrow${l.tone < -0.33 ? 0 : l.tone > 0.33 ? 2 : 1})`);
  link.append('title').text((l) => `${l.source.name} → ${l.target.name}: ${l.events} events (${l.d.cooperation} cooperation, ${l.d.conflict} conflict)`);
  const g = svg.append('g').selectAll('g').data([...nodes.values()]).join('g').attr('class', 'node');
  g.append('circle').attr('r', (n) => radius(n.events))
    .attr('fill', (n) => (state.actor && n.id.startsWith(state.actor.toUpperCase()) ? '#f0a04b' : '#2f5fd0'))
    .on('click', (ev, n) => setFilter('actor', n.id));
  g.append('text').attr('dx', (n) => radius(n.events) + 3).attr('dy', '0.35em').text((n) => n.name);
  g.append('title').text((n) => `${n.name} (${n.id}): ${n.events} events`);
  simulation = forceSimulation([...nodes.values()])
    .force('link', forceLink(links).id((n) => n.id).distance(70).strength(0.6))
    .force('charge', forceManyBody().strength(-150).distanceMax(220))
    .force('center', forceCenter(W / 2, H / 2))
    .force('x', forceX(W / 2).strength(0.1)).force('y', forceY(H / 2).strength(0.16))
    .force('collide', forceCollide((n) => radius(n.events) + 6))
    .on('tick', () => {
      for (const n of nodes.values()) { n.x = Math.max(20, Math.min(W - 90, n.x)); n.y = Math.max(16, Math.min(H - 16, n.y)); }
      link.each(function (l) {
        const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, len = Math.hypot(dx, dy) || 1;
        const r = radius(l.target.events) + 2;
        select(this).attr('x1', l.source.x).attr('y1', l.source.y)
          .attr('x2', l.target.x - (dx / len) * r).attr('y2', l.target.y - (dy / len) * r);
      });
      g.attr('transform', (n) => `translate(${n.x},${n.y})`);
    });
  g.call(drag()
    .on('start', (ev, n) => { if (!ev.active) simulation.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
    .on('drag', (ev, n) => { n.fx = ev.x; n.fy = ev.y; })
    .on('end', (ev, n) => { if (!ev.active) simulation.alphaTarget(0); n.fx = null; n.fy = null; }));
}

// ------------------------------------------------------------------ map

let atlas;

async function drawMap() {
  if (!atlas) atlas = await (await fetch('atlas.json')).json();
  const data = await api(`/api/aggregates?${filterParams({ by: 'country' })}`);
  const root = el('map');
  root.innerHTML = '';
  const counts = new Map(data.rows.map((r) => [r.country, r]));
  root.dataset.countries = data.rows.length;
  root.dataset.events = sum(data.rows, (r) => r.events);
  const W = root.clientWidth || 500, H = root.clientHeight || 380;
  const land = feature(atlas, atlas.objects.countries);
  land.features = land.features.filter((f) => f.properties.name !== 'Antarctica');
  const projection = geoNaturalEarth1().fitExtent([[6, 6], [W - 6, H - 6]], land);
  const path = geoPath(projection);
  const top = max(data.rows, (r) => r.events) || 1;
  const colour = scaleSequentialLog(interpolateYlOrRd).domain([1, Math.max(2, top)]);
  const svg = select(root).append('svg').attr('viewBox', `0 0 ${W} ${H}`);
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  svg.append('g').selectAll('path').data(land.features).join('path')
    .attr('class', 'country')
    .attr('d', path)
    .attr('data-iso', (f) => f.id || '')
    .attr('data-events', (f) => (counts.get(f.id) || {}).events || 0)
    .attr('fill', (f) => (counts.has(f.id) ? colour(counts.get(f.id).events) : '#dde2ea'))
    .attr('stroke', (f) => (state.country && f.id === state.country.toUpperCase() ? '#1d2330' : null))
    .on('click', (ev, f) => f.id && setFilter('country', f.id))
    .append('title').text((f) => {
      const c = counts.get(f.id);
      return `${f.properties.name}${f.id ? ' (' + f.id + ')' : ''}: ${c ? `${c.events} events (${c.cooperation} cooperation, ${c.conflict} conflict)` : 'no events'}`;
    });
  // A small legend: the colour scale from 1 to the busiest country.
  const lg = svg.append('g').attr('transform', `translate(12,${H - 22})`);
  const steps = 6;
  for (let i = 0; i < steps; i++) {
    const v = Math.round(Math.exp((Math.log(Math.max(2, top)) * i) / (steps - 1)));
    lg.append('rect').attr('x', i * 22).attr('width', 22).attr('height', 8).attr('fill', colour(Math.max(1, v)));
  }
  lg.append('text').attr('y', -4).attr('font-size', 10).attr('fill', '#6b7385').text(`events: 1 … ${top}`);
}

// ---------------------------------------------------------------- table

let nextCursor = null;

function eventRow(e) {
  const tr = document.createElement('tr');
  tr.dataset.id = e.id;
  const where = e.location ? e.location.name || e.location.text || e.location.country : '';
  tr.innerHTML =
    `<td>${esc((e.date || '').slice(0, 10))}</td>` +
    `<td>${esc(actorLabel(e.source))}<div class="code">${esc(e.source && e.source.code)}</div></td>` +
    `<td><span class="badge q${e.quad_class}">${esc(e.plover || 'CAMEO ' + e.cameo)}</span>` +
    `<div class="code ${e.negated ? 'neg' : ''}">${esc(e.cameo)} · ${esc(e.explain && e.explain.verb)}${e.factuality && e.factuality !== 'asserted' ? ' · ' + esc(e.factuality) : ''}</div></td>` +
    `<td>${esc(actorLabel(e.target))}<div class="code">${esc(e.target && e.target.code)}</div></td>` +
    `<td>${esc(where)}</td>` +
    `<td class="sentence">${esc(e.sentence_text)}</td>`;
  tr.addEventListener('click', () => { state.event = String(e.id); writeState(); openEvent(e.id); });
  return tr;
}

async function drawTable(append = false) {
  const params = filterParams({ limit: 50, cursor: append ? nextCursor : '' });
  const data = await api(`/api/events?${params}`);
  const body = select('#events tbody').node();
  if (!append) body.innerHTML = '';
  if (!append && !data.events.length) body.innerHTML = '<tr><td colspan="6" class="empty">No events match these filters.</td></tr>';
  for (const e of data.events) body.appendChild(eventRow(e));
  nextCursor = data.next_cursor;
  el('more').hidden = !nextCursor;
  el('table-count').textContent = `${body.querySelectorAll('tr[data-id]').length} shown${nextCursor ? ', more below' : ''}`;
  el('download').href = `/api/events?${filterParams({ format: 'csv' })}`;
}

// --------------------------------------------------------------- detail

function highlight(text, parts) {
  // Marks the source and target as written, first occurrence each.
  let html = esc(text);
  for (const [t, cls] of parts) {
    if (!t) continue;
    const e = esc(t);
    const i = html.indexOf(e);
    if (i >= 0) html = html.slice(0, i) + `<mark class="${cls}">${e}</mark>` + html.slice(i + e.length);
  }
  return html;
}

function openPanel(html) {
  el('detail-body').innerHTML = html;
  el('detail').hidden = false;
}

async function openEvent(id) {
  let d;
  try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (err) { openPanel(`<p class="empty">${esc(err.message)}</p>`); return; }
  const e = d.event, x = e.explain || {};
  const quotes = (d.quotes || []).map((q) =>
    `<blockquote>${q.direct ? '“' : ''}${esc(q.text)}${q.direct ? '”' : ''}</blockquote>` +
    `<p class="code">${esc(q.speaker_name || q.speaker || 'unknown speaker')} ${esc(q.cue || '')}${q.speaker_code ? ' · ' + esc(q.speaker_code) : ''}</p>`).join('');
  const entries = (x.entries || x.dictionary || []).map((s) => `<li class="code">${esc(typeof s === 'string' ? s : JSON.stringify(s))}</li>`).join('');
  const rules = (x.rules || []).map((s) => `<li class="code">${esc(typeof s === 'string' ? s : JSON.stringify(s))}</li>`).join('');
  openPanel(`
    <h3><span class="badge q${e.quad_class}">${esc(QUAD[e.quad_class] || '')}</span> ${esc(actorLabel(e.source))} → ${esc(e.plover || e.cameo)} → ${esc(actorLabel(e.target) || '—')}</h3>
    <p class="code">${esc(d.article.title || '')} · ${esc((e.date || '').slice(0, 16))}</p>
    <h4>Sentence</h4>
    <blockquote id="detail-sentence">${highlight(e.sentence_text, [[e.source && e.source.text, 'src'], [e.target && e.target.text, 'tgt']])}</blockquote>
    ${quotes ? `<h4>Quotes in this sentence</h4>${quotes}` : ''}
    <h4>Explanation</h4>
    <dl id="detail-explain">
      <dt>CAMEO</dt><dd>${esc(e.cameo)} (root ${esc(e.cameo_root)}), Goldstein ${esc(e.goldstein)}</dd>
      <dt>PLOVER</dt><dd>${esc(e.plover || '—')}${e.plover_mode ? ' · ' + esc(e.plover_mode) : ''}</dd>
      <dt>Verb</dt><dd>${esc(x.verb || '—')}</dd>
      <dt>Pattern</dt><dd class="code">${esc(x.pattern || '—')}</dd>
      <dt>Defined at</dt><dd class="code">${esc((x.file || '').replace(/^.*\/data\//, 'data/'))}${x.line ? ':' + esc(x.line) : ''}</dd>
      <dt>Source</dt><dd>${esc(e.source && e.source.text)} <span class="code">${esc(e.source && e.source.code)}</span></dd>
      <dt>Target</dt><dd>${esc(e.target ? e.target.text : '—')} <span class="code">${esc(e.target && e.target.code)}</span></dd>
      <dt>Where</dt><dd>${esc(e.location ? e.location.text || e.location.country : '—')}</dd>
      <dt>Factuality</dt><dd>${esc(e.factuality || (e.negated ? 'negated' : 'asserted'))}</dd>
    </dl>
    ${entries ? `<h4>Dictionary entries that fired</h4><ul>${entries}</ul>` : ''}
    ${rules ? `<h4>Rules</h4><ul>${rules}</ul>` : ''}
    <p><button type="button" class="secondary" id="open-article" data-id="${esc(d.article.id)}">Read the article</button></p>`);
  el('open-article').addEventListener('click', () => openArticle(d.article.id));
}

async function openArticle(id) {
  const d = await api(`/api/articles/${encodeURIComponent(id)}`);
  const a = d.article;
  openPanel(`<h3>${esc(a.title || '(untitled)')}</h3>
    <p class="code">${esc(a.dateline || '')} ${esc(a.date || '')} ${a.byline ? '· ' + esc(a.byline) : ''}<br>${esc(a.source || '')}</p>
    <div class="body">${esc(a.body)}</div>`);
}

// --------------------------------------------------------------- search

async function drawSearch() {
  const card = el('search-card');
  if (!state.q) { card.hidden = true; return; }
  card.hidden = false;
  el('search-q').textContent = state.q;
  const d = await api(`/api/search?${new URLSearchParams({ q: state.q, limit: 20 })}`);
  const list = el('search-results');
  list.innerHTML = d.results.length ? '' : '<li class="empty">No article matches.</li>';
  for (const r of d.results) {
    const li = document.createElement('li');
    const snippet = esc(r.snippet).replace(/\[/g, '<mark>').replace(/\]/g, '</mark>');
    li.innerHTML = `<b>${esc(r.title || r.id)}</b> <span class="code">${esc((r.date || '').slice(0, 10))}</span><div class="snippet">${snippet}</div>`;
    li.addEventListener('click', () => openArticle(r.id));
    list.appendChild(li);
  }
}

// ------------------------------------------------------------ the page

function syncForm() {
  const f = el('filters');
  for (const k of [...FILTERS, 'stack', 'by']) if (f.elements[k]) f.elements[k].value = state[k] || (k === 'stack' ? 'quad' : '');
  el('q').value = state.q;
}

async function refresh() {
  syncForm();
  document.body.dataset.ready = '0';
  const jobs = [drawTimeline(), drawNetwork(), drawMap(), drawTable(), drawSearch()];
  if (state.event) jobs.push(openEvent(state.event)); else el('detail').hidden = true;
  const results = await Promise.allSettled(jobs);
  for (const r of results) if (r.status === 'rejected') console.error(r.reason);
  const bad = results.find((r) => r.status === 'rejected');
  if (bad) el('table-count').textContent = 'error: ' + bad.reason.message;
  document.body.dataset.ready = '1';
}

async function init() {
  const [stats, types, countries, actors] = await Promise.all([
    api('/api/stats'),
    api('/api/aggregates?by=month&group=plover'),
    api('/api/aggregates?by=country'),
    api('/api/aggregates?by=actor'),
  ]);
  el('stats').innerHTML = ['articles', 'events', 'quotes', 'mentions']
    .map((k) => `<span><b>${stats[k].toLocaleString()}</b>${k}</span>`).join('');
  const select_ = el('filters').elements.plover;
  for (const t of [...new Set(types.rows.map((r) => r.key).filter(Boolean))].sort()) {
    const o = document.createElement('option'); o.value = t; o.textContent = t; select_.appendChild(o);
  }
  el('country-list').innerHTML = countries.rows.map((r) => `<option value="${esc(r.country)}">`).join('');
  el('actor-list').innerHTML = actors.rows.slice(0, 300).map((r) => `<option value="${esc(r.actor)}">${esc(r.name || '')}</option>`).join('');
  el('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    for (const k of [...FILTERS, 'stack', 'by']) state[k] = f[k].value.trim();
    state.event = '';
    writeState(); refresh();
  });
  for (const k of ['stack', 'by', 'plover']) el('filters').elements[k].addEventListener('change', () => el('filters').requestSubmit());
  el('clear').addEventListener('click', () => { for (const k of [...FILTERS, 'q', 'event']) state[k] = ''; writeState(); refresh(); });
  el('search').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    state.q = el('q').value.trim();
    writeState();
    await drawSearch();
    if (state.q) el('search-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  el('search-close').addEventListener('click', () => { state.q = ''; writeState(); drawSearch(); });
  el('more').addEventListener('click', () => drawTable(true));
  el('detail-close').addEventListener('click', () => { el('detail').hidden = true; state.event = ''; writeState(); });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') el('detail-close').click(); });
  window.addEventListener('popstate', () => { state = readState(); refresh(); });
  let resizeTimer;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(refresh, 250); });
  await refresh();
}

init().catch((err) => {
  document.body.dataset.ready = 'error';
  el('table-count').textContent = 'The API did not answer: ' + err.message;
});

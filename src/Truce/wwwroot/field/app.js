// The field client: sign in for a patrol, record reports into the outbox (offline or not), and let the outbox send
// itself when a network appears. Every word shown comes from the page (rendered in the viewer's language).

import { reports, session } from './outbox.js';
import { sendAll } from './sync.js';
import { check, loadRules } from './rules.js';

const $ = (id) => document.getElementById(id);
const words = $('words').dataset;
const form = $('report');
let rules = null;
let pin = null;

const say = (template, ...values) => values.reduce((text, value, i) => text.replaceAll(`{${i}}`, value), template ?? '');

function showNetwork() {
  const network = $('network');
  network.textContent = navigator.onLine ? network.dataset.online : network.dataset.offline;
  network.dataset.state = navigator.onLine ? 'online' : 'offline';
}

async function send(force = false) {
  await sendAll(async (event) => {
    if (event?.signedOut) {
      await session.clear();
      await showSession(words.signedOut);
    }
    await render();
  }, force);
  await render();
}

async function showSession(notice) {
  const current = await session.get();
  $('signin').hidden = !!current;
  $('session').hidden = !current;
  $('record').hidden = !current;
  const error = $('signin-error');
  error.hidden = !notice;
  error.textContent = notice ?? '';
  if (current) {
    $('who').textContent = current.name;
    const until = $('until');
    until.dateTime = current.expiresAt ?? '';
    until.textContent = current.expiresAt ? new Date(current.expiresAt).toLocaleString() : '';
  }
}

async function signIn(event) {
  event.preventDefault();
  const data = new FormData(event.target);
  const error = $('signin-error');
  try {
    const response = await fetch('/api/field/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: data.get('name'), password: data.get('password'), hours: Number(data.get('hours')) || null, device: navigator.platform || null }),
    });
    const answer = await response.json();
    if (!response.ok) {
      error.textContent = [answer.title, ...Object.values(answer.errors ?? {}).flat()].filter(Boolean).join(' ');
      error.hidden = false;
      return;
    }
    await session.put({ token: answer.token, tokenId: answer.tokenId, expiresAt: answer.expiresAt, userId: answer.userId, name: answer.name, role: answer.role });
    event.target.reset();
    await showSession();
    await render();
    send(true);
  } catch {
    error.textContent = $('network').dataset.offline;
    error.hidden = false;
  }
}

async function endSession() {
  const current = await session.get();
  if (current) {
    try {
      await fetch('/api/field/sessions/current', { method: 'DELETE', headers: { Authorization: `Bearer ${current.token}` } });
    } catch {
      // Offline: the device forgets the token now; it expires on the server at the end of the patrol, or the mission revokes it.
    }
  }
  await session.clear();
  await showSession();
  await render();
}

function numericFields() {
  const numeric = new Set();
  for (const [field, property] of Object.entries(rules?.properties ?? {})) {
    const type = [property.type ?? []].flat();
    if (type.includes('integer') || type.includes('number')) numeric.add(field);
  }
  return numeric;
}

function readForm() {
  const numeric = numericFields();
  const body = {};
  for (const [name, value] of new FormData(form)) {
    if (name === 'files' || typeof value !== 'string' || value.trim() === '') continue;
    const text = value.trim();
    body[name] = numeric.has(name) && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  body.id ||= crypto.randomUUID();
  if (body.observedAt) {
    // datetime-local is the device's local time; the server takes an instant with its offset.
    const at = new Date(body.observedAt);
    body.observedAt = Number.isNaN(at.getTime()) ? body.observedAt : at.toISOString();
  }
  body.visibility = 'internal';
  return body;
}

function labelOf(field) {
  const input = form.querySelector(`[data-field="${field}"]`);
  const label = input?.closest('label');
  return label ? label.firstChild.textContent.trim() : field;
}

function showErrors(errors) {
  const box = $('report-errors');
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  box.replaceChildren();
  box.hidden = errors.length === 0;
  if (errors.length === 0) return;
  const intro = document.createElement('p');
  intro.textContent = box.dataset.intro;
  const list = document.createElement('ul');
  for (const [field, word, ...values] of errors) {
    form.querySelector(`[data-field="${field}"]`)?.setAttribute('aria-invalid', 'true');
    const item = document.createElement('li');
    item.textContent = `${labelOf(field)}: ${say(words[word], ...values)}`;
    list.append(item);
  }
  box.append(intro, list);
  box.scrollIntoView({ block: 'nearest' });
}

async function sha256(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function save(event) {
  event.preventDefault();
  const current = await session.get();
  if (!current) return;
  const body = readForm();
  const errors = rules ? check(rules, body) : [];
  showErrors(errors);
  if (errors.length > 0) return;
  const existing = await reports.get(body.id);
  const files = existing?.files ?? [];
  for (const file of form.elements.files.files) {
    if (file.size === 0) continue;
    files.push({ name: file.name, type: file.type, size: file.size, blob: file, sha256: await sha256(file), sent: false });
  }
  await reports.put({
    id: body.id, userId: current.userId, userName: current.name, body, files, state: 'waiting', attempts: 0,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  });
  form.reset();
  form.elements.id.value = '';
  pin?.remove();
  const saved = $('saved');
  saved.hidden = false;
  setTimeout(() => { saved.hidden = true; }, 4000);
  await render();
  send(true);
}

function localInput(iso) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

async function correct(report) {
  form.reset();
  for (const [name, value] of Object.entries(report.body)) {
    const input = form.elements[name];
    if (input && name !== 'files') input.value = name === 'observedAt' ? localInput(value) : value;
  }
  // A refused id that clashed with another report needs a new one; otherwise the corrected report keeps its id.
  form.elements.id.value = report.status === 409 ? crypto.randomUUID() : report.id;
  if (report.status === 409) await reports.remove(report.id);
  form.scrollIntoView();
}

function optionText(select, value) {
  return [...(form.elements[select]?.options ?? [])].find((o) => o.value === value)?.textContent ?? value;
}

async function render() {
  const current = await session.get();
  const all = (await reports.all()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  $('outbox-empty').hidden = all.length > 0;
  $('outbox-list').replaceChildren(...all.map((report) => item(report, current)));
}

function item(report, current) {
  const li = document.createElement('li');
  li.dataset.state = report.state;
  li.dataset.id = report.id;
  if (report.state === 'waiting' && report.nextAttemptAt) li.dataset.nextAttempt = new Date(report.nextAttemptAt).toISOString();
  const state = document.createElement('strong');
  state.className = 'state';
  state.textContent = words[report.state];
  const what = document.createElement('span');
  const at = new Date(report.body.observedAt ?? report.createdAt);
  what.textContent = ` ${optionText('category', report.body.category)} · ${at.toLocaleString()}`;
  li.append(state, what);
  if (report.files.length > 0) {
    const files = document.createElement('span');
    files.className = 'files';
    files.textContent = ` · ${say(words.files, report.files.filter((f) => f.sent).length, report.files.length)}`;
    li.append(files);
  }
  if (current && report.userId !== current.userId && report.state !== 'sent') {
    const other = document.createElement('p');
    other.textContent = say(words.otherUser, report.userName);
    li.append(other);
  }
  if (report.state === 'refused') {
    const why = document.createElement('p');
    why.className = 'reason';
    why.textContent = report.reason;
    const fix = document.createElement('button');
    fix.type = 'button';
    fix.textContent = words.correct;
    fix.addEventListener('click', () => correct(report));
    const drop = document.createElement('button');
    drop.type = 'button';
    drop.className = 'link';
    drop.textContent = words.discard;
    drop.addEventListener('click', async () => { await reports.remove(report.id); await render(); });
    li.append(why, fix, drop);
  }
  return li;
}

async function loadParties() {
  try {
    const parties = await (await fetch('/api/parties')).json();
    const select = $('parties');
    for (const party of parties) {
      const option = document.createElement('option');
      option.value = party.id;
      option.textContent = party.name;
      option.translate = false;
      select.append(option);
    }
  } catch {
    // Neither the network nor the cache has them: the report can still be recorded without a party.
  }
}

function setPoint(latitude, longitude, precision) {
  form.elements.latitude.value = latitude.toFixed(6);
  form.elements.longitude.value = longitude.toFixed(6);
  form.elements.locationPrecisionM.value = Math.max(1, Math.ceil(precision));
}

function usePosition() {
  navigator.geolocation?.getCurrentPosition(
    (position) => setPoint(position.coords.latitude, position.coords.longitude, position.coords.accuracy),
    () => {},
    { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 },
  );
}

/** The mission's boundaries, zones and sites, drawn from the cache when offline; a tap sets the point, as precise as a fingertip at that zoom. */
async function setupMap() {
  if (!window.L) return;
  const map = L.map('field-map', { zoomControl: true, attributionControl: false }).setView([40.5, 45.5], 7);
  const layers = [];
  for (const [url, style] of [['/api/boundaries', { color: '#555', weight: 1, fill: false }], ['/api/zones', { color: '#b35c00', weight: 1 }], ['/api/sites', {}]]) {
    try {
      const geojson = await (await fetch(url)).json();
      const layer = L.geoJSON(geojson, { style, pointToLayer: (_, at) => L.circleMarker(at, { radius: 4, color: '#1f3a56' }) }).addTo(map);
      if (layer.getLayers().length > 0) layers.push(layer);
    } catch {
      // Not cached yet: the map stays blank, positions can still be typed or taken from the device.
    }
  }
  const zones = layers[1] ?? layers[0];
  if (zones) map.fitBounds(zones.getBounds());
  map.on('click', (event) => {
    const metresPerPixel = 156543.03 * Math.cos(event.latlng.lat * Math.PI / 180) / 2 ** map.getZoom();
    setPoint(event.latlng.lat, event.latlng.lng, 20 * metresPerPixel);
    pin?.remove();
    pin = L.circleMarker(event.latlng, { radius: 7, color: '#c0392b' }).addTo(map);
  });
}

async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {});
  }
  showNetwork();
  addEventListener('online', () => { showNetwork(); send(true); });
  addEventListener('offline', showNetwork);
  $('signin-form').addEventListener('submit', signIn);
  $('end-session').addEventListener('click', endSession);
  form.addEventListener('submit', save);
  $('send-now').addEventListener('click', () => send(true));
  $('use-position').addEventListener('click', usePosition);
  try {
    rules = await loadRules();
  } catch {
    rules = null;
  }
  await loadParties();
  await showSession();
  await render();
  setupMap();
  document.body.dataset.ready = 'true';
  send();
  // Reports whose backoff has passed are tried again.
  setInterval(() => send(), 10000);
}

start();

#!/usr/bin/env node
/**
 * Device list/search and device page latency at scale: N concurrent clients (default 8) each send requests back to
 * back for D seconds; prints p50/p95/p99 per scenario and overall. Seed the data first with
 * bench/sql/generate-devices.sql (1,000,000 devices over 10 facilities, tenant "bench").
 *
 *   node bench/device-api.mjs --url http://localhost:3437 --email admin@bench.example --password openhtm-demo \
 *     [--clients 8] [--seconds 30] [--scenario list|page|all]
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    email: { type: 'string', default: 'admin@bench.example' },
    password: { type: 'string', default: 'openhtm-demo' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '30' },
    scenario: { type: 'string', default: 'all' },
    devices: { type: 'string', default: '1000000' },
  },
});
const base = args.url.replace(/\/$/, '');
const clients = Number(args.clients);
const seconds = Number(args.seconds);
const deviceCount = Number(args.devices);

async function login() {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: args.email, password: args.password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('htm_session='))?.split(';')[0];
  return { cookie };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const randomIndex = () => 1 + Math.floor(Math.random() * deviceCount);
/** The generator's asset tags and serial numbers (bench/sql/generate-devices.sql). */
const assetTag = (i) => `A-${String(i).padStart(7, '0')}`;
const serial = (i) => createHash('md5').update(`sn${i}`).digest('hex').slice(0, 10).toUpperCase();

const NAME_QUERIES = [
  'infusion pump', 'infsuion pmp', 'Phillips', 'philips intellivue', 'intellivue mx450', 'alaris', 'alaris pcu', 'zoll defib',
  'ventilator', 'hamilton c6', 'carescape b650', 'GE monitor', 'lifepak', 'sigma spectrum', 'anesthesia', 'dräger', 'drager',
  'mindray', 'hospital bed', 'ultrasound', 'ct scanner', 'revolution ct', 'masimo radical', 'welch allyn', 'syringe pump',
  'defibrilator', 'pulse oximter', 'vital signs', 'stryker', 'olympus endoscope',
];

async function referenceIds(session) {
  const get = async (path) => (await fetch(`${base}/api/v1${path}`, { headers: { cookie: session.cookie } })).json();
  const page = await get('/devices?limit=500&sort=-updatedAt');
  const facilities = [...new Set(page.items.map((d) => d.facility.id))];
  const types = [...new Set(page.items.map((d) => d.deviceType?.id).filter(Boolean))];
  const manufacturers = [...new Set(page.items.map((d) => d.manufacturer.id))];
  return { facilities, types, manufacturers };
}

/** The list/search mix: filtered lists in every sort, name searches with typos, exact and partial identifiers. */
function listRequest(ref) {
  const r = Math.random();
  if (r < 0.3) {
    const filters = [];
    if (Math.random() < 0.6) filters.push(`facilityId=${pick(ref.facilities)}`);
    if (Math.random() < 0.4) filters.push(`status=${pick(['in_service', 'out_of_service', 'retired', 'received'])}`);
    if (Math.random() < 0.3) filters.push(`deviceTypeId=${pick(ref.types)}`);
    if (Math.random() < 0.2) filters.push(`manufacturerId=${pick(ref.manufacturers)}`);
    if (Math.random() < 0.2) filters.push('highRisk=true');
    if (Math.random() < 0.1) filters.push('connected=true');
    if (Math.random() < 0.1) filters.push('ownership=leased');
    filters.push(`sort=${pick(['assetTag', '-assetTag', '-updatedAt', 'status', '-createdAt'])}`);
    return { scenario: 'list (filters, sorts)', path: `/devices?limit=50&${filters.join('&')}` };
  }
  if (r < 0.6) {
    const facility = Math.random() < 0.3 ? `&facilityId=${pick(ref.facilities)}` : '';
    return { scenario: 'search: names (typos)', path: `/devices?limit=50&q=${encodeURIComponent(pick(NAME_QUERIES))}${facility}` };
  }
  if (r < 0.75) return { scenario: 'search: exact asset tag', path: `/devices?limit=50&q=${assetTag(randomIndex())}` };
  if (r < 0.85) return { scenario: 'search: exact serial', path: `/devices?limit=50&q=${serial(randomIndex())}` };
  const i = String(randomIndex()).padStart(7, '0');
  return { scenario: 'search: partial asset tag', path: `/devices?limit=50&q=${i.slice(1, 6)}` };
}

async function deviceIds(session, count) {
  const ids = [];
  while (ids.length < count) {
    const response = await fetch(`${base}/api/v1/devices/lookup?code=${assetTag(randomIndex())}`, { headers: { cookie: session.cookie } });
    const body = await response.json();
    if (body.match === 'device') ids.push(body.device.id);
  }
  return ids;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(name, session, next) {
  const samples = new Map();
  const errors = [];
  const slowest = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { scenario, path } = next();
      const started = performance.now();
      const response = await fetch(`${base}/api/v1${path}`, { headers: { cookie: session.cookie } });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      if (!response.ok) errors.push(`${response.status} ${path}`);
      slowest.push([ms, path]);
      slowest.sort((a, b) => b[0] - a[0]).splice(5);
      for (const key of [scenario, 'ALL']) samples.set(key, [...(samples.get(key) ?? []), ms]);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  console.log(`\n## ${name}: ${clients} clients, ${seconds} s`);
  console.log('| scenario | requests | p50 ms | p95 ms | p99 ms | max ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [scenario, list] of [...samples.entries()].sort((a, b) => (a[0] === 'ALL' ? 1 : b[0] === 'ALL' ? -1 : a[0].localeCompare(b[0])))) {
    const sorted = [...list].sort((a, b) => a - b);
    const f = (v) => v.toFixed(1);
    console.log(`| ${scenario} | ${sorted.length} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(percentile(sorted, 99))} | ${f(sorted.at(-1))} |`);
  }
  console.log(`slowest: ${slowest.map(([ms, path]) => `${ms.toFixed(0)} ms ${path}`).join('\n         ')}`);
  if (errors.length) console.log(`errors: ${errors.length}, e.g. ${errors.slice(0, 3).join('; ')}`);
}

const session = await login();
if (args.scenario === 'all' || args.scenario === 'list') {
  const ref = await referenceIds(session);
  await run('Device list and search (GET /api/v1/devices)', session, () => listRequest(ref));
}
if (args.scenario === 'all' || args.scenario === 'page') {
  const ids = await deviceIds(session, 500);
  await run('Device page (GET /api/v1/devices/:id)', session, () => ({ scenario: 'device page', path: `/devices/${pick(ids)}` }));
}

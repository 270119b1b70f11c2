import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHtm } from '../../helpers/cli.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { countRows } from '../../helpers/http.ts';
import { createImportWorld, goodRow, HEADERS, toCsv, type ImportWorld, removeImportFiles } from './fixture.ts';
import { fixturePath } from '../../../../../test-support/fixtures.ts';

let t: TestApp;
let world: ImportWorld;
let dir: string;
let env: NodeJS.ProcessEnv;

/** Runs `htm …` in-process against this file's database, capturing what it writes. */
const htm = (...argv: string[]) => runHtm(env, ...argv);

async function writeFile(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createImportWorld(t, 'cli-import');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'htm-import-cli-'));
  env = { DATABASE_URL: t.db.url, HTM_DATA_DIR: t.config.dataDir, HTM_PRETTY_LOGS: 'false', LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await removeImportFiles(t, world.tenant.id);
  await t.close();
});

const devices = () => countRows(t.db.owner, 'devices', world.tenant.id);

describe('htm import devices', () => {
  const bad = () => {
    const rows = Array.from({ length: 12 }, (_, i) => goodRow(world, 500 + i));
    rows[4] = goodRow(world, 504, { Mfr: 'Phillips' });
    rows[9] = goodRow(world, 509, { Room: 'Broom closet' });
    return toCsv(HEADERS, rows);
  };

  it('prints every problem with line and column, and exits 1 from a dry run with errors', async () => {
    const result = await htm('import', 'devices', await writeFile('bad.csv', bad()), '--tenant', 'cli-import', '--dry-run');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/line 6 +column "Mfr" +error +unknown_manufacturer: Manufacturer "Phillips" is not known; did you mean Philips\?/);
    expect(result.stdout).toMatch(/line 11 +column "Room" +error +unknown_room/);
    expect(result.stdout).toMatch(/problems +2 error\(s\), 0 warning\(s\) in 2 of 12 rows/);
    expect(result.stdout).toMatch(/summary +create 10, update 0, unchanged 0, rows with errors 2/);
    expect(result.stdout).toMatch(/dry run: nothing written/);
    expect(await devices()).toBe(0);
  });

  it('refuses the commit with exit code 1 and writes nothing while rows have errors', async () => {
    const result = await htm('import', 'devices', await writeFile('bad-commit.csv', bad()), '--tenant', 'cli-import');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/refused: 2 row\(s\) have errors; nothing was written/);
    expect(await devices()).toBe(0);
  });

  it('commits a clean file with exit code 0, and a clean dry run also exits 0', async () => {
    const file = await writeFile('good.csv', toCsv(HEADERS, Array.from({ length: 12 }, (_, i) => goodRow(world, 600 + i))));
    const dry = await htm('import', 'devices', file, '--tenant', 'cli-import', '--dry-run');
    expect(dry.code, dry.stdout).toBe(0);
    expect(await devices()).toBe(0);
    const result = await htm('import', 'devices', file, '--tenant', 'cli-import');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/committed: 12 created, 0 updated/);
    expect(await devices()).toBe(12);
  });

  it('takes a mapping from a JSON file for headers it does not know', async () => {
    const file = await writeFile('odd.csv', toCsv(['Kennung', 'Hersteller', 'Typ', 'Standort'], [['ODD-1', 'Dräger', 'V500', world.facilityCode]]));
    const mapping = await writeFile('mapping.json', JSON.stringify({ mapping: { asset_tag: 'Kennung', manufacturer: 'Hersteller', model_number: 'Typ', facility: 'Standort' } }));
    const result = await htm('import', 'devices', file, '--tenant', 'cli-import', '--mapping', mapping);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Kennung → asset_tag/);
    expect(await devices()).toBe(13);
  });

  it('exits 1 with a clear message for a file it cannot read', async () => {
    const png = await writeFile('photo.csv', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    const binary = await htm('import', 'devices', png, '--tenant', 'cli-import');
    expect(binary.code).toBe(1);
    expect(binary.stdout).toMatch(/cannot import .*photo\.csv: photo\.csv is image\/png/);
    const missing = await htm('import', 'devices', path.join(dir, 'nope.csv'), '--tenant', 'cli-import');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/is not a readable file/);
  });
});

describe('htm udi parse', () => {
  const fixture = readFileSync(fixturePath('gs1/fhir-udi-examples.txt'), 'utf8').split('\n');
  const token = (id: string, label: string) => fixture.find((l) => l.startsWith(`${id} `) && l.includes(label))!.split(label)[1]!.trim().split(/\s+/)[0]!;

  it('prints the fields of the FHIR GS1 example and exits 0', async () => {
    const result = await htm('udi', 'parse', token('udi1', 'carrierHRF'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^valid GS1 UDI \(gs1-bracketed\)/);
    expect(result.stdout).toMatch(/device identifier +00844588003288/);
    expect(result.stdout).toMatch(/expiry date +2014-11-20/);
    expect(result.stdout).toMatch(/GS1 form +\(01\)00844588003288\(17\)141120\(10\)7654321D\(21\)10987654d321/);
    expect(result.stdout).toMatch(/problems: none/);
  });

  it('flags the wrong check character of the FHIR HIBCC example and exits 1', async () => {
    const result = await htm('udi', 'parse', token('udi3', 'carrierHRF'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^INVALID HIBCC UDI/);
    expect(result.stdout).toMatch(/error +check_character: check character is "C" but the data gives "H"/);
    const json = await htm('udi', 'parse', token('udi3', 'carrierHRF'), '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ issuer: 'HIBCC', valid: false, problems: [{ code: 'check_character', severity: 'error' }] });
  });

  it('reads scanner output with the GS separator typed as \\x1d and finds a wrong GTIN check digit', async () => {
    const ok = await htm('udi', 'parse', ']d20100844588003288\\x1d10LOT1\\x1d21SER9', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ symbology: 'd2', deviceIdentifier: '00844588003288', lot: 'LOT1', serial: 'SER9', valid: true });
    const wrong = await htm('udi', 'parse', '(01)00844588003289(10)LOT1');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/check_digit/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { countRows, expectProblem } from '../../helpers/http.ts';
import { check, commit, createImportWorld, goodRow, HEADERS, toCsv, uploadOk, type ImportWorld, removeImportFiles } from './fixture.ts';

let t: TestApp;
let world: ImportWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createImportWorld(t, 'large');
});
afterAll(async () => {
  await removeImportFiles(t, world.tenant.id);
  await t.close();
});

const ROWS = 100_000;

describe('a 100,000-row file with three bad rows', () => {
  it('names exactly those three rows and writes nothing until the user confirms', { timeout: 60_000 }, async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => goodRow(world, i + 1));
    rows[12_344] = goodRow(world, 12_345, { Mfr: 'Phillips Medical' });
    rows[50_000] = goodRow(world, 50_001, { Acquired: '2021-13-01' });
    rows[99_998] = goodRow(world, 99_999, { 'Asset #': 'BM-000007' });
    const id = await uploadOk(t, world.admin, 'inventory-100k.csv', toCsv(HEADERS, rows));

    const checked = await check(t, world.admin, id);
    expect(checked.statusCode, checked.body).toBe(200);
    const report = checked.json();
    expect(report.summary).toMatchObject({ rows: ROWS, rowsWithErrors: 3, errors: 3, create: ROWS - 3 });
    const errors = report.problems.items.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { line: number; column: string; code: string }) => [p.line, p.column, p.code])).toEqual([
      [12_346, 'Mfr', 'unknown_manufacturer'],
      [50_002, 'Acquired', 'invalid_date'],
      [100_000, 'Asset #', 'duplicate_asset_tag'],
    ]);

    const refused = expectProblem(await commit(t, world.admin, id), 422, 'unprocessable');
    expect((refused.problems as { line: number }[]).map((p) => p.line)).toEqual([12_346, 50_002, 100_000]);
    expect(await countRows(t.db.owner, 'devices', world.tenant.id)).toBe(0);
  });
});

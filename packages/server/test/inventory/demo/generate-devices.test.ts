import { describe, expect, it } from 'vitest';
import { DEMO_DEVICE_TYPES } from '../../../src/modules/demo/device-types.ts';
import { generateDevices } from '../../../src/modules/demo/generate-devices.ts';
import { demoGtin, type DemoReference } from '../../../src/modules/demo/load-reference.ts';
import { DEMO_MODELS } from '../../../src/modules/demo/models.ts';
import { createRandom, weightedTable } from '../../../src/modules/demo/random.ts';
import { SITE_PLANS } from '../../../src/modules/demo/sites.ts';

/** A reference with made-up ids: generation needs ids only to copy them onto the rows. */
function reference(): DemoReference {
  const types = new Map(DEMO_DEVICE_TYPES.map((t) => [t.key, t]));
  return {
    models: DEMO_MODELS.map((def, index) => ({ id: `model-${index}`, index, def, type: types.get(def.type)!, manufacturerId: `mf-${def.manufacturer}`, gtin: demoGtin(1, index + 1) })),
    departments: SITE_PLANS.tertiary.departments.map((d, i) => ({
      id: `dept-${i}`,
      kind: d.kind,
      facilityId: 'facility-rgh',
      facilityCode: 'RGH',
      facilityIndex: 0,
      buildingId: `building-${d.building}`,
      roomIds: d.rooms.map((r) => `room-${i}-${r}`),
    })),
    directVendors: new Map([['bd', { id: 'vendor-bd', name: 'BD' }]]),
    distributors: [{ id: 'vendor-medline', name: 'Medline Industries' }],
    rental: { id: 'vendor-agiliti', name: 'Agiliti' },
  };
}

describe('demo fleet generator', () => {
  it('generates the same fleet from the same seed and another from another seed', () => {
    const options = { count: 2000, seed: 42, asOf: '2026-11-01' };
    const first = [...generateDevices(reference(), options)];
    const again = [...generateDevices(reference(), options)];
    expect(again).toEqual(first);
    const other = [...generateDevices(reference(), { ...options, seed: 43 })];
    expect(other.map((d) => d.serial_number)).not.toEqual(first.map((d) => d.serial_number));
  });

  it('gives unique asset tags and serial numbers per model', () => {
    const rows = [...generateDevices(reference(), { count: 20_000, seed: 7, asOf: '2026-11-01' })];
    expect(new Set(rows.map((r) => r.asset_tag)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.model_id}|${r.serial_number}`)).size).toBe(rows.length);
  });

  it('draws weighted choices in proportion to their weights', () => {
    const draw = weightedTable([['a', 1], ['b', 3]] as const);
    const random = createRandom(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 40_000; i++) counts[draw(random)]++;
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
  });
});

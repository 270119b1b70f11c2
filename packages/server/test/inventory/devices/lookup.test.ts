import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../helpers/app.ts';
import { createDevice } from '../../helpers/inventory.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';
import { fixturePath } from '../../../../../test-support/fixtures.ts';

const fixture = readFileSync(fixturePath('gs1/fhir-udi-examples.txt'), 'utf8').split('\n');

/** The token after `label` on the fixture line of example `id` from `issuer`. */
function example(id: string, issuer: string, label: string): string {
  const line = fixture.find((l) => l.startsWith(`${id} `) && l.includes(` ${issuer} `) && l.includes(label));
  const token = line?.split(label)[1]?.trim().split(/\s+/)[0];
  if (!token) throw new Error(`no ${label} for ${id} ${issuer} in the fixture`);
  return token;
}

let w: DeviceWorld;
const GS1 = example('udi1', 'GS1', 'carrierHRF');

beforeAll(async () => {
  w = await createDeviceWorld('devscan');
  const admin = api(w, w.sessions.admin);
  const created = await admin.post('/devices', { assetTag: 'SCAN-0001', udi: GS1, modelId: w.monitorModel.id, facilityId: w.facilityA });
  expect(created.statusCode, created.body).toBe(201);
  await createDevice(w.t, w.tenant.id, { modelId: w.monitorModel.id, facilityId: w.facilityA, assetTag: 'SCAN-0002', udiDi: '00844588003288', serialNumber: 'OTHER-SERIAL' });
  await createDevice(w.t, w.tenant.id, { modelId: w.pumpModel.id, facilityId: w.facilityB, assetTag: 'SCAN-B-01' });
});
afterAll(() => w.t.close());

const lookup = (session: Session, code: string) => api(w, session).get(`/devices/lookup?code=${encodeURIComponent(code)}`);

describe('scan lookup', () => {
  it('opens the device of a scanned asset tag, typed in any case', async () => {
    for (const code of ['SCAN-0001', 'scan-0001']) {
      const body = (await lookup(w.sessions.technician, code)).json();
      expect(body).toMatchObject({ match: 'device', device: { assetTag: 'SCAN-0001' }, scan: { kind: 'asset_tag', valid: true, problems: [] } });
    }
  });

  it('opens the device of the FHIR example GS1 UDI by its device identifier and serial number', async () => {
    expect(GS1).toBe('{01}00844588003288{17}141120{10}7654321D{21}10987654d321');
    const body = (await lookup(w.sessions.technician, GS1)).json();
    expect(body).toMatchObject({ match: 'device', device: { assetTag: 'SCAN-0001', udiDi: '00844588003288' }, scan: { kind: 'udi', issuer: 'GS1', valid: true } });
    // The same UDI as a scanner sends it: symbology identifier, no parentheses, GS before the serial.
    const scanned = (await lookup(w.sessions.technician, ']d2010084458800328817141120107654321D\u001d2110987654d321')).json();
    expect(scanned).toMatchObject({ match: 'device', device: { assetTag: 'SCAN-0001' } });
  });

  it('pre-fills a new device from a UDI whose serial is not in the inventory, with the model its DI names', async () => {
    const body = (await lookup(w.sessions.technician, '(01)00844588003288(17)291231(10)LOT77(21)NEW-SN-1')).json();
    expect(body).toEqual({
      match: 'none',
      prefill: {
        udi: '(01)00844588003288(17)291231(10)LOT77(21)NEW-SN-1',
        udiDi: '00844588003288',
        serialNumber: 'NEW-SN-1',
        lot: 'LOT77',
        expiryDate: '2029-12-31',
        model: { id: w.monitorModel.id, modelNumber: 'MX450', name: 'IntelliVue MX450' },
        manufacturer: { id: w.philips.id, name: 'Philips' },
        deviceType: { id: w.monitor.id, name: 'Patient Monitor' },
      },
      scan: { kind: 'udi', issuer: 'GS1', format: 'gs1-bracketed', valid: true, problems: [] },
    });
  });

  it('lists the devices a DI names when the UDI carries no serial number', async () => {
    const body = (await lookup(w.sessions.technician, '(01)00844588003288')).json();
    expect(body.match).toBe('multiple');
    expect(body.devices.map((d: { assetTag: string }) => d.assetTag)).toEqual(['SCAN-0001', 'SCAN-0002']);
  });

  it('reports a wrong GS1 check digit and the wrong HIBCC check character of the FHIR example', async () => {
    const gs1 = (await lookup(w.sessions.technician, '(01)00844588003289(21)X')).json();
    expect(gs1.match).toBe('none');
    expect(gs1.scan).toMatchObject({ kind: 'udi', valid: false });
    expect(gs1.scan.problems).toEqual([expect.objectContaining({ code: 'check_digit', severity: 'error' })]);
    const hibcc = (await lookup(w.sessions.technician, example('udi3', 'HIBCC', 'carrierHRF'))).json();
    expect(hibcc.scan).toMatchObject({ issuer: 'HIBCC', valid: false });
    expect(hibcc.scan.problems.map((p: { code: string }) => p.code)).toEqual(['check_character']);
    expect(hibcc.prefill).toMatchObject({ udiDi: 'H123PARTNO1234567890120', lot: 'LOT123456789012345' });
  });

  it('offers an unknown asset tag for a new device, and says when a code is unreadable', async () => {
    expect((await lookup(w.sessions.technician, 'NEW-TAG-9')).json()).toMatchObject({ match: 'none', prefill: { assetTag: 'NEW-TAG-9' } });
    expect((await lookup(w.sessions.technician, 'bad\u0007code')).json()).toMatchObject({ match: 'none', scan: { kind: 'unknown', valid: false } });
  });

  it('does not find devices outside the caller facility scope', async () => {
    expect((await lookup(w.sessions.scopedTechnician, 'SCAN-B-01')).json().match).toBe('none');
    expect((await lookup(w.sessions.technician, 'SCAN-B-01')).json().match).toBe('device');
  });
});

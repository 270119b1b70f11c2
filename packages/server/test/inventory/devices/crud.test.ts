import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture } from '../../helpers/app.ts';
import { countRows, errorPaths, expectProblem, expectUnchanged } from '../../helpers/http.ts';
import { createDevice, createManufacturer, createModel } from '../../helpers/inventory.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;

beforeAll(async () => {
  w = await createDeviceWorld('devcrud');
});
afterAll(() => w.t.close());

const GS1_UDI = '(01)00844588003288(17)141120(10)7654321D(21)10987654d321';

describe('creating a device', () => {
  it('stores every inventory field and answers with the device page', async () => {
    const admin = api(w, w.sessions.admin);
    const response = await admin.post('/devices', {
      assetTag: 'CRUD-0001',
      udi: GS1_UDI,
      modelId: w.monitorModel.id,
      facilityId: w.facilityA,
      buildingId: w.siteA.buildingId,
      departmentId: w.siteA.departmentId,
      roomId: w.siteA.roomId,
      locationNote: 'bay 4',
      ownership: 'leased',
      acquisitionDate: '2021-03-15',
      acquisitionCost: 18250.5,
      purchaseOrder: 'PO-7781',
      vendorId: w.vendorId,
      warrantyEnd: '2099-03-15',
      serviceContract: 'SC-2021-12',
      hostname: 'icu-mon-04',
      ipAddress: '10.20.30.40',
      macAddress: '00-1A-2B-3C-4D-5E',
      operatingSystem: 'VxWorks 6.9',
      firmwareVersion: 'F.01.02',
      softwareVersion: 'M.00.03',
      storesPatientData: true,
      notes: 'loaner replacement',
      status: 'in_service',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"v1"');
    const device = response.json();
    expect(response.headers.location).toBe(`/api/v1/devices/${device.id}`);
    expect(device).toMatchObject({
      assetTag: 'CRUD-0001',
      // The serial number comes from the UDI's AI (21) when none is given.
      serialNumber: '10987654d321',
      udi: GS1_UDI,
      udiDi: '00844588003288',
      status: 'in_service',
      allowedTransitions: ['out_of_service', 'retired'],
      model: { id: w.monitorModel.id, modelNumber: 'MX450', name: 'IntelliVue MX450' },
      manufacturer: { id: w.philips.id, name: 'Philips' },
      deviceType: { id: w.monitor.id, name: 'Patient Monitor' },
      facility: { id: w.facilityA },
      department: { id: w.siteA.departmentId, name: 'Intensive Care Unit' },
      building: { id: w.siteA.buildingId },
      room: { id: w.siteA.roomId },
      vendor: { id: w.vendorId, name: 'Medline Industries' },
      ownership: 'leased',
      acquisitionDate: '2021-03-15',
      acquisitionCost: 18250.5,
      warrantyEnd: '2099-03-15',
      underWarranty: true,
      connected: true,
      ipAddress: '10.20.30.40',
      macAddress: '00:1a:2b:3c:4d:5e',
      storesPatientData: true,
      version: 1,
    });
    // Risk inputs come from the device type: monitoring 7 + misdiagnosis 3 + average 3 + average 0 = 13.
    expect(device.risk).toMatchObject({ score: 13, highRisk: true, inputs: { function: 'surgical_icu_monitoring' }, override: null });
    expect(device.recentEvents[0]).toMatchObject({ kind: 'created', toStatus: 'in_service', actor: w.tenant.users.admin.email });

    const [row] = (await w.t.db.owner.selectFrom('devices').select(['search_text', 'manufacturer_id', 'device_type_id']).where('id', '=', device.id).execute()) as [
      { search_text: string; manufacturer_id: string; device_type_id: string },
    ];
    expect(row.search_text).toBe('crud-0001 10987654d321 mx450 intellivue mx450 philips patient monitor');
    expect(row.manufacturer_id).toBe(w.philips.id);
    expect(row.device_type_id).toBe(w.monitor.id);
  });

  it('refuses a UDI whose check digit is wrong, naming /body/udi, and writes nothing', async () => {
    const admin = api(w, w.sessions.admin);
    const before = await countRows(w.t.db.owner, 'devices', w.tenant.id);
    const response = await admin.post('/devices', { assetTag: 'CRUD-BADUDI', udi: '(01)00844588003289(21)X1', modelId: w.monitorModel.id, facilityId: w.facilityA });
    const problem = expectProblem(response, 400, 'validation');
    expect(problem.errors).toEqual([{ path: '/body/udi', message: expect.stringMatching(/check digit/i) }]);
    expect(await countRows(w.t.db.owner, 'devices', w.tenant.id)).toBe(before);
  });

  it('refuses a location outside the facility and malformed network addresses, each by field', async () => {
    const admin = api(w, w.sessions.admin);
    const response = await admin.post('/devices', {
      assetTag: 'CRUD-BADLOC',
      modelId: w.pumpModel.id,
      facilityId: w.facilityA,
      departmentId: w.siteB.departmentId,
      roomId: w.siteB.roomId,
      ipAddress: '10.0.0.999',
      macAddress: 'not-a-mac',
    });
    const problem = expectProblem(response, 400, 'validation');
    expect(errorPaths(problem).sort()).toEqual(['/body/departmentId', '/body/ipAddress', '/body/macAddress', '/body/roomId']);
  });

  it('refuses an unknown model and an initial status a device cannot start in', async () => {
    const admin = api(w, w.sessions.admin);
    const unknownModel = await admin.post('/devices', { assetTag: 'CRUD-X', modelId: '00000000-0000-4000-8000-000000000000', facilityId: w.facilityA });
    expect(errorPaths(expectProblem(unknownModel, 400))).toEqual(['/body/modelId']);
    const outOfService = await admin.post('/devices', { assetTag: 'CRUD-Y', modelId: w.pumpModel.id, facilityId: w.facilityA, status: 'out_of_service' });
    expect(errorPaths(expectProblem(outOfService, 400))).toEqual(['/body/outOfServiceReason']);
  });

  it('answers 409 for a duplicate asset tag and for a duplicate serial number of the same model', async () => {
    const admin = api(w, w.sessions.admin);
    const first = await admin.post('/devices', { assetTag: 'CRUD-DUP', serialNumber: 'SN-DUP-1', modelId: w.pumpModel.id, facilityId: w.facilityA });
    expect(first.statusCode, first.body).toBe(201);
    const sameTag = await admin.post('/devices', { assetTag: 'CRUD-DUP', modelId: w.pumpModel.id, facilityId: w.facilityA });
    expect(errorPaths(expectProblem(sameTag, 409, 'conflict'))).toEqual(['/body/assetTag']);
    const sameSerial = await admin.post('/devices', { assetTag: 'CRUD-DUP2', serialNumber: 'SN-DUP-1', modelId: w.pumpModel.id, facilityId: w.facilityA });
    expect(errorPaths(expectProblem(sameSerial, 409, 'conflict'))).toEqual(['/body/serialNumber']);
    // The same serial number on another model is another device.
    const otherModel = await admin.post('/devices', { assetTag: 'CRUD-DUP3', serialNumber: 'SN-DUP-1', modelId: w.monitorModel.id, facilityId: w.facilityA });
    expect(otherModel.statusCode, otherModel.body).toBe(201);
  });

  it('lets only roles with device.write add devices', async () => {
    const response = await api(w, w.sessions.clinician).post('/devices', { assetTag: 'CRUD-CLIN', modelId: w.pumpModel.id, facilityId: w.facilityA });
    expectProblem(response, 403, 'forbidden');
  });
});

describe('reading a device', () => {
  it('answers 404 for an unknown device, and for a device of another tenant', async () => {
    const admin = api(w, w.sessions.admin);
    expectProblem(await admin.get('/devices/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    const other = await createTenantFixture(w.t, 'devcrudother');
    const maker = await createManufacturer(w.t, other.id, { name: 'Other maker' });
    const model = await createModel(w.t, other.id, { manufacturerId: maker.id });
    const foreign = await createDevice(w.t, other.id, { modelId: model.id, facilityId: other.facilities[0]!.id, assetTag: 'OTHER-1' });
    expectProblem(await admin.get(`/devices/${foreign.id}`), 404, 'not_found');
    expectProblem(await admin.patch(`/devices/${foreign.id}`, { notes: 'x' }, { 'if-match': '"v1"' }), 404, 'not_found');
  });
});

describe('changing a device', () => {
  it('needs If-Match, and gives the second of two editors 412 with the device as it is now', async () => {
    const admin = api(w, w.sessions.admin);
    const created = await admin.post('/devices', { assetTag: 'CRUD-EDIT', modelId: w.pumpModel.id, facilityId: w.facilityA, notes: 'original' });
    const id = created.json().id as string;
    const etag = created.headers.etag as string;

    expectProblem(await admin.patch(`/devices/${id}`, { notes: 'no precondition' }), 428, 'precondition_required');

    const engineer = api(w, w.sessions.engineer);
    const firstEdit = await engineer.patch(`/devices/${id}`, { notes: 'first editor', locationNote: 'moved to bay 2' }, { 'if-match': etag });
    expect(firstEdit.statusCode, firstEdit.body).toBe(200);
    expect(firstEdit.headers.etag).toBe('"v2"');

    const secondEdit = await expectUnchanged(w.t.db.owner, w.tenant.id, () => admin.patch(`/devices/${id}`, { notes: 'second editor' }, { 'if-match': etag }));
    const problem = expectProblem(secondEdit, 412, 'precondition_failed');
    expect(problem.currentVersion).toBe(2);
    expect(problem.current).toMatchObject({ id, version: 2, notes: 'first editor', locationNote: 'moved to bay 2' });
  });

  it('brings manufacturer, type and search text along when the model changes, and rescores the risk', async () => {
    const admin = api(w, w.sessions.admin);
    const created = await admin.post('/devices', { assetTag: 'CRUD-MODEL', modelId: w.pumpModel.id, facilityId: w.facilityA });
    expect(created.json().risk.score).toBe(18);
    const changed = await admin.patch(`/devices/${created.json().id}`, { modelId: w.monitorModel.id }, { 'if-match': created.headers.etag as string });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ manufacturer: { name: 'Philips' }, deviceType: { name: 'Patient Monitor' }, risk: { score: 13 } });
    const row = await w.t.db.owner.selectFrom('devices').select('search_text').where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(row.search_text).toBe('crud-model mx450 intellivue mx450 philips patient monitor');
  });

  it('refuses to move a device into a facility outside the editor scope', async () => {
    const admin = api(w, w.sessions.admin);
    const created = await admin.post('/devices', { assetTag: 'CRUD-SCOPE', modelId: w.pumpModel.id, facilityId: w.facilityA });
    const scoped = api(w, w.sessions.scopedTechnician);
    const moved = await scoped.patch(`/devices/${created.json().id}`, { facilityId: w.facilityB }, { 'if-match': '"v1"' });
    expect(errorPaths(expectProblem(moved, 403, 'forbidden'))).toEqual(['/body/facilityId']);
  });
});

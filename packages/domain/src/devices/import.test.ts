import { describe, expect, it } from 'vitest';
import { autoMapColumns, fieldForHeader, normalizeHeader } from './auto-map.ts';
import { DEVICE_IMPORT_FIELDS, DEVICE_IMPORT_FIELD_META } from './fields.ts';
import { parseDeviceImportRow } from './parse-row.ts';

describe('autoMapColumns', () => {
  it('maps the usual header spellings', () => {
    const headers = ['Asset #', 'S/N', 'Mfr', 'Model #', 'Dept', 'Equipment Type', 'PO #', 'Warranty Expiration', 'IP Address', 'MAC', 'PHI', 'Comments'];
    expect(autoMapColumns(headers)).toEqual({
      mapping: {
        asset_tag: 'Asset #',
        serial_number: 'S/N',
        manufacturer: 'Mfr',
        model_number: 'Model #',
        department: 'Dept',
        device_type: 'Equipment Type',
        purchase_order: 'PO #',
        warranty_end: 'Warranty Expiration',
        ip_address: 'IP Address',
        mac_address: 'MAC',
        stores_patient_data: 'PHI',
        notes: 'Comments',
      },
      unmapped: [],
    });
  });

  it.each([
    ['Tag', 'asset_tag'],
    ['Equipment ID', 'asset_tag'],
    ['Control Number', 'asset_tag'],
    ['CONTROL NO.', 'asset_tag'],
    ['assetTag', 'asset_tag'],
    ['asset_tag', 'asset_tag'],
    ['Serial No.', 'serial_number'],
    ['Serial Number', 'serial_number'],
    ['Make', 'manufacturer'],
    ['Manufacturer Name', 'manufacturer'],
    ['Model', 'model_number'],
    ['Dept.', 'department'],
    ['Purchase Date', 'acquisition_date'],
    ['Firmware Version', 'software_version'],
    ['Owned/Leased', 'ownership'],
  ])('maps "%s" to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves unknown, blank and second columns for the same field unmapped', () => {
    const result = autoMapColumns(['Tag', 'Asset Number', 'Favorite Color', '']);
    expect(result).toEqual({ mapping: { asset_tag: 'Tag' }, unmapped: ['Asset Number', 'Favorite Color', ''] });
  });

  it('has no header spelling that means two fields', () => {
    const owners = new Map<string, string>();
    for (const field of DEVICE_IMPORT_FIELDS) {
      const { label, synonyms } = DEVICE_IMPORT_FIELD_META[field];
      for (const spelling of [field, label, ...synonyms]) {
        const key = normalizeHeader(spelling).replace(/ /g, '');
        expect(owners.get(key) ?? field, spelling).toBe(field);
        owners.set(key, field);
      }
    }
  });
});

describe('parseDeviceImportRow', () => {
  const headers = ['Asset #', 'S/N', 'Mfr', 'Model', 'Acquired', 'Cost', 'Ownership', 'Warranty End', 'Status', 'Host Name', 'IP', 'MAC', 'PHI'];
  const { mapping } = autoMapColumns(headers);
  const record = (cells: Partial<Record<string, string>>) => ({
    'Asset #': 'BME-00042',
    'S/N': 'SN123',
    Mfr: 'Baxter',
    Model: 'Sigma Spectrum',
    Acquired: '3/14/2019',
    Cost: '$4,250.00',
    Ownership: 'Owned',
    'Warranty End': '2022-03-13',
    Status: 'Active',
    'Host Name': 'PUMP-0042',
    IP: '10.20.30.40',
    MAC: '00-1A-2B-3C-4D-5E',
    PHI: 'N',
    ...cells,
  });

  it('reads a good row into typed values', () => {
    const { value, problems } = parseDeviceImportRow(record({}), mapping, 2);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      asset_tag: 'BME-00042',
      serial_number: 'SN123',
      manufacturer: 'Baxter',
      model_number: 'Sigma Spectrum',
      acquisition_date: '2019-03-14',
      acquisition_cost: '4250.00',
      ownership: 'owned',
      warranty_end: '2022-03-13',
      status: 'in_service',
      out_of_service_reason: null,
      hostname: 'pump-0042',
      ip_address: '10.20.30.40',
      mac_address: '00:1a:2b:3c:4d:5e',
      stores_patient_data: false,
      udi: null,
      notes: null,
    });
  });

  it('reports each bad cell with its line, original header and field', () => {
    const { value, problems } = parseDeviceImportRow(
      record({ Acquired: '2023-02-30', Cost: '1.234,50', Ownership: 'borrowed', IP: '10.0.0.256', MAC: '00:1A', PHI: 'maybe', 'Host Name': 'pump_42' }),
      mapping,
      17,
    );
    expect(problems.map((p) => [p.line, p.column, p.field, p.code])).toEqual([
      [17, 'Ownership', 'ownership', 'invalid_ownership'],
      [17, 'Acquired', 'acquisition_date', 'invalid_date'],
      [17, 'Cost', 'acquisition_cost', 'invalid_money'],
      [17, 'Host Name', 'hostname', 'invalid_hostname'],
      [17, 'IP', 'ip_address', 'invalid_ip_address'],
      [17, 'MAC', 'mac_address', 'invalid_mac_address'],
      [17, 'PHI', 'stores_patient_data', 'invalid_boolean'],
    ]);
    expect(problems[1]).toMatchObject({ severity: 'error', value: '2023-02-30', message: 'Acquisition date: "2023-02-30" is not a real calendar date' });
    expect(value.acquisition_date).toBeNull();
    expect(value.asset_tag).toBe('BME-00042');
  });

  it('requires an asset tag, or a serial number and a model number', () => {
    const noTag = parseDeviceImportRow(record({ 'Asset #': '  ' }), mapping, 3);
    expect(noTag.problems).toEqual([]);
    const nothing = parseDeviceImportRow(record({ 'Asset #': '', Model: '' }), mapping, 4);
    expect(nothing.problems).toEqual([
      {
        line: 4,
        column: 'Asset #',
        field: 'asset_tag',
        code: 'missing_identifier',
        severity: 'error',
        message: 'Each device needs an asset tag, or a serial number and a model number',
      },
    ]);
  });

  it('reads an out-of-service status with its reason and refuses statuses a device cannot be imported in', () => {
    expect(parseDeviceImportRow(record({ Status: 'Out of service - repair' }), mapping, 5).value).toMatchObject({
      status: 'out_of_service',
      out_of_service_reason: 'repair',
    });
    const plain = parseDeviceImportRow(record({ Status: 'OOS' }), mapping, 6);
    expect(plain.problems.map((p) => p.code)).toEqual(['out_of_service_reason_required']);
    expect(plain.value.status).toBeNull();
    const scrapped = parseDeviceImportRow(record({ Status: 'Scrapped' }), mapping, 7);
    expect(scrapped.problems.map((p) => p.code)).toEqual(['status_not_importable']);
  });

  it('warns when the warranty ends before acquisition', () => {
    const { problems } = parseDeviceImportRow(record({ 'Warranty End': '1/1/2019' }), mapping, 8);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'warranty_before_acquisition', severity: 'warning', column: 'Warranty End' }),
    ]);
  });

  it('refuses text longer than a column holds and ignores unmapped fields', () => {
    const { value, problems } = parseDeviceImportRow({ 'Asset #': 'X'.repeat(256), 'S/N': 'S1', Model: 'M1' }, mapping, 9);
    expect(problems.map((p) => p.code)).toEqual(['too_long']);
    expect(value.asset_tag).toBeNull();
    expect(value.serial_number).toBe('S1');
    expect(value.vendor).toBeNull();
  });
});

import { parseUdiOrAssetTag, type UdiParseResult } from '@openhtm/domain';
import { Type, type Static } from 'typebox';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { deviceListQuery } from './filters.ts';
import type { ListRow } from './presenter.ts';
import { IsoDate, Nullable, StringEnum, Uuid } from './schema.ts';
import { DeviceSummary } from './schema-out.ts';

const Named = Type.Object({ id: Uuid, name: Type.String() });
/** The list row's shape without its $id: a schema may hold one $id only once. */
const Found = Type.Object(DeviceSummary.properties);

export const LookupOut = Type.Object(
  {
    match: StringEnum(['device', 'multiple', 'none'] as const, {
      description: 'device: open it; multiple: let the user pick (a UDI without serial number); none: offer a pre-filled new-device form',
    }),
    device: Type.Optional(Found),
    devices: Type.Optional(Type.Array(Found)),
    prefill: Type.Optional(
      Type.Object(
        {
          assetTag: Type.Optional(Type.String()),
          udi: Type.Optional(Type.String({ description: 'The scanned UDI, to store on the new device' })),
          udiDi: Type.Optional(Type.String()),
          serialNumber: Type.Optional(Type.String()),
          lot: Type.Optional(Type.String()),
          expiryDate: Type.Optional(IsoDate),
          manufactureDate: Type.Optional(IsoDate),
          model: Type.Optional(Type.Object({ id: Uuid, modelNumber: Type.String(), name: Nullable(Type.String()) })),
          manufacturer: Type.Optional(Named),
          deviceType: Type.Optional(Nullable(Named)),
        },
        { description: 'What the scan tells about a device not in the inventory yet; model via the UDI-DI of the model catalog' },
      ),
    ),
    scan: Type.Object({
      kind: StringEnum(['udi', 'asset_tag', 'unknown'] as const, { description: 'What the scanned text was read as' }),
      issuer: Type.Optional(Type.String({ description: 'GS1, HIBCC or ICCBBA' })),
      format: Type.Optional(Type.String()),
      valid: Type.Boolean({ description: 'False when the UDI has errors (e.g. a wrong check digit)' }),
      problems: Type.Array(
        Type.Object({ code: Type.String(), severity: StringEnum(['error', 'warning'] as const), message: Type.String() }),
        { description: 'Everything wrong with the scanned text' },
      ),
    }),
  },
  { $id: 'DeviceLookup' },
);
export type LookupOut = Static<typeof LookupOut>;

export interface LookupResult {
  match: 'device' | 'multiple' | 'none';
  rows: ListRow[];
  prefill?: NonNullable<LookupOut['prefill']>;
  scan: LookupOut['scan'];
}

const scanOf = (kind: LookupOut['scan']['kind'], udi?: UdiParseResult, problems = udi?.problems ?? []): LookupOut['scan'] => ({
  kind,
  ...(udi && { issuer: udi.issuer, format: udi.format }),
  valid: udi ? udi.valid : kind === 'asset_tag',
  problems: problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message })),
});

const matchOf = (rows: ListRow[]): LookupResult['match'] => (rows.length === 1 ? 'device' : rows.length > 1 ? 'multiple' : 'none');

/** The catalog model a UDI device identifier names (model_identifiers), with its manufacturer and type. */
async function modelByDi(trx: Trx, di: string) {
  return trx
    .selectFrom('model_identifiers as mi')
    .innerJoin('models as m', (j) => j.onRef('m.tenant_id', '=', 'mi.tenant_id').onRef('m.id', '=', 'mi.model_id'))
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'm.tenant_id').onRef('mf.id', '=', 'm.manufacturer_id'))
    .leftJoin('device_types as dt', (j) => j.onRef('dt.tenant_id', '=', 'm.tenant_id').onRef('dt.id', '=', 'm.device_type_id'))
    .select(['m.id', 'm.model_number', 'm.name', 'mf.id as manufacturer_id', 'mf.name as manufacturer_name', 'dt.id as type_id', 'dt.name as type_name'])
    .where('mi.device_identifier', '=', di)
    .executeTakeFirst();
}

/**
 * What a scanned or typed code names: an asset tag finds its device; a UDI finds devices by device identifier (and
 * serial number when the UDI carries one), else the device of that serial among the models the DI names. With no
 * device, the answer pre-fills a new-device form from the UDI and the model catalog. UDI problems (a wrong check
 * digit) are always reported.
 */
export async function lookupCode(trx: Trx, auth: AuthContext, code: string): Promise<LookupResult> {
  const scan = parseUdiOrAssetTag(code);
  const devices = () => deviceListQuery(trx, auth, {}).orderBy('devices.asset_tag').limit(20);
  if (scan.kind === 'unknown') return { match: 'none', rows: [], scan: scanOf('unknown', undefined, scan.problems) };
  if (scan.kind === 'asset_tag') {
    let rows = await devices().where('devices.asset_tag', 'in', [...new Set([scan.assetTag, scan.assetTag.toUpperCase()])]).execute();
    if (rows.length === 0 && scan.possibleDeviceIdentifier) rows = await devices().where('devices.udi_di', '=', scan.possibleDeviceIdentifier).execute();
    return { match: matchOf(rows), rows, scan: scanOf('asset_tag'), ...(rows.length === 0 && { prefill: { assetTag: scan.assetTag } }) };
  }
  const udi = scan.udi;
  const di = udi.deviceIdentifier;
  let rows: ListRow[] = [];
  if (di) {
    let byDi = devices().where('devices.udi_di', '=', di);
    if (udi.serial) byDi = byDi.where('devices.serial_number', '=', udi.serial);
    rows = await byDi.execute();
  }
  const model = di ? await modelByDi(trx, di) : undefined;
  if (rows.length === 0 && udi.serial && model) {
    rows = await devices().where('devices.model_id', '=', model.id).where('devices.serial_number', '=', udi.serial).execute();
  }
  if (rows.length > 0) return { match: matchOf(rows), rows, scan: scanOf('udi', udi) };
  const prefill: NonNullable<LookupOut['prefill']> = { udi: code.trim() };
  if (di) prefill.udiDi = di;
  if (udi.serial) prefill.serialNumber = udi.serial;
  if (udi.lot) prefill.lot = udi.lot;
  if (udi.expiryDate) prefill.expiryDate = udi.expiryDate;
  if (udi.manufactureDate) prefill.manufactureDate = udi.manufactureDate;
  if (model) {
    prefill.model = { id: model.id, modelNumber: model.model_number, name: model.name };
    prefill.manufacturer = { id: model.manufacturer_id, name: model.manufacturer_name };
    prefill.deviceType = model.type_id && model.type_name ? { id: model.type_id, name: model.type_name } : null;
  }
  return { match: 'none', rows: [], prefill, scan: scanOf('udi', udi) };
}

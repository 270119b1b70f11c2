import type { DeviceImportRow } from '@openhtm/domain';
import type { ProblemLog } from './problems.ts';
import type { References } from './references.ts';
import type { StagedRow } from './staging.ts';

interface LocationInput {
  line: number;
  value: DeviceImportRow;
  staged: StagedRow;
  references: References;
  problems: ProblemLog;
  facilityScope: readonly string[] | null;
}

/**
 * Resolves where a row's device stands and who sold it: the facility (by code or name, within the actor's
 * scope), then building, department and room within that facility, and the vendor. A room names its building
 * and department when the row does not; a room name used on several floors needs the building to tell them apart.
 */
export function resolveLocation({ line, value, staged, references, problems, facilityScope }: LocationInput): void {
  if (value.vendor !== null) {
    const vendorId = references.vendor(value.vendor);
    if (vendorId) staged.vendor_id = vendorId;
    else problems.field(line, 'vendor', 'unknown_vendor', 'error', `Vendor "${value.vendor}" is not known; add it under Vendors first`, { value: value.vendor });
  }
  const places = (['building', 'department', 'room'] as const).filter((field) => value[field] !== null);
  if (value.facility === null) {
    for (const field of places) {
      problems.field(line, 'facility', 'missing_facility', 'error', `Give the facility of ${field} "${value[field]}"`);
    }
    return;
  }
  const facility = references.facility(value.facility);
  if (!facility) {
    problems.field(line, 'facility', 'unknown_facility', 'error', `Facility "${value.facility}" is not known; use a facility's code or name`, { value: value.facility });
    return;
  }
  if (facilityScope !== null && !facilityScope.includes(facility.id)) {
    problems.field(line, 'facility', 'facility_out_of_scope', 'error', `You may not import devices into ${facility.name}`, { value: value.facility });
    return;
  }
  staged.facility_id = facility.id;

  if (value.building !== null) {
    const buildingId = references.building(facility.id, value.building);
    if (buildingId) staged.building_id = buildingId;
    else problems.field(line, 'building', 'unknown_building', 'error', `${facility.name} has no building "${value.building}"`, { value: value.building });
  }
  if (value.department !== null) {
    const departmentId = references.department(facility.id, value.department);
    if (departmentId) staged.department_id = departmentId;
    else problems.field(line, 'department', 'unknown_department', 'error', `${facility.name} has no department "${value.department}"`, { value: value.department });
  }
  if (value.room !== null) resolveRoom(line, value.room, facility, staged, references, problems);
}

function resolveRoom(line: number, room: string, facility: { id: string; name: string }, staged: StagedRow, references: References, problems: ProblemLog): void {
  let candidates = references.rooms(facility.id, room);
  if (staged.building_id !== null) candidates = candidates.filter((r) => r.buildingId === staged.building_id);
  if (candidates.length > 1 && staged.department_id !== null) candidates = candidates.filter((r) => r.departmentId === staged.department_id);
  if (candidates.length === 0) {
    problems.field(line, 'room', 'unknown_room', 'error', `${facility.name} has no room "${room}"${staged.building_id ? ' in that building' : ''}`, { value: room });
    return;
  }
  if (candidates.length > 1) {
    problems.field(line, 'room', 'ambiguous_room', 'error', `${facility.name} has ${candidates.length} rooms "${room}"; give the building or department too`, { value: room });
    return;
  }
  const [found] = candidates as [(typeof candidates)[number]];
  staged.room_id = found.id;
  staged.building_id ??= found.buildingId;
  staged.department_id ??= found.departmentId;
}

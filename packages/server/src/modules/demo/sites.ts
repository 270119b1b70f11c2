/** The demo health system's sites: facility → building → floor → department → room, by kind of facility. */

export type DepartmentKind =
  | 'emergency'
  | 'icu'
  | 'nicu'
  | 'surgery'
  | 'pacu'
  | 'medsurg'
  | 'cardiology'
  | 'oncology'
  | 'radiology'
  | 'radiation_oncology'
  | 'laboratory'
  | 'labor_delivery'
  | 'dialysis'
  | 'sterile_processing'
  | 'respiratory'
  | 'endoscopy'
  | 'biomed';

export type FacilityProfile = 'tertiary' | 'community' | 'outpatient';

export interface DemoFacility {
  code: string;
  name: string;
  profile: FacilityProfile;
}

export interface DepartmentPlan {
  name: string;
  kind: DepartmentKind;
  building: string;
  floor: string;
  rooms: string[];
}

export interface SitePlan {
  buildings: { name: string; floors: string[] }[];
  departments: DepartmentPlan[];
}

/** The profiles of the three demo facilities (DEMO_FACILITIES keeps their codes and names). */
export const DEMO_FACILITY_PROFILES: Record<string, FacilityProfile> = { RGH: 'tertiary', NCH: 'community', LOC: 'outpatient' };

/** Facilities added when the demo is scaled for benchmarks (more than SCALE_THRESHOLD devices): ten in all. */
export const SCALE_FACILITIES: readonly DemoFacility[] = [
  { code: 'SMC', name: 'Southgate Medical Center', profile: 'tertiary' },
  { code: 'WVH', name: 'Westview Hospital', profile: 'community' },
  { code: 'HVH', name: 'Hillview Hospital', profile: 'community' },
  { code: 'MRH', name: 'Mill River Hospital', profile: 'community' },
  { code: 'ECH', name: 'Eastbrook Community Hospital', profile: 'community' },
  { code: 'PSC', name: 'Parkside Surgery Center', profile: 'outpatient' },
  { code: 'BCC', name: 'Bayview Cancer Center', profile: 'outpatient' },
];
export const SCALE_THRESHOLD = 20_000;

/** "4101".."4132": numbered patient rooms. */
const numbered = (first: number, count: number) => Array.from({ length: count }, (_, i) => String(first + i));
/** "OR 1".."OR 16" or "ED 01".."ED 36". */
const labelled = (label: string, count: number, pad = false) =>
  Array.from({ length: count }, (_, i) => `${label} ${pad ? String(i + 1).padStart(2, '0') : i + 1}`);
const levels = (...names: string[]) => names.map((name) => (name === 'B' ? 'Level B' : `Level ${name}`));

function dept(name: string, kind: DepartmentKind, building: string, floor: string, rooms: string[]): DepartmentPlan {
  return { name, kind, building, floor: floor === 'B' ? 'Level B' : `Level ${floor}`, rooms };
}

const TERTIARY: SitePlan = {
  buildings: [
    { name: 'Main Tower', floors: levels('B', '1', '2', '3', '4', '5', '6', '7') },
    { name: 'Heart & Vascular Pavilion', floors: levels('1', '2', '3') },
    { name: "Women's & Children's Pavilion", floors: levels('1', '2', '3') },
    { name: 'Cancer Center', floors: levels('B', '1', '2') },
  ],
  departments: [
    dept('Emergency Department', 'emergency', 'Main Tower', '1', [...labelled('ED', 36, true), 'Trauma 1', 'Trauma 2']),
    dept('Radiology', 'radiology', 'Main Tower', '1', ['CT 1', 'CT 2', 'CT 3', 'MRI 1', 'MRI 2', ...labelled('X-Ray', 4), 'Fluoro 1', ...labelled('US', 4), 'Nuc Med 1', 'Mammo 1', 'IR 1']),
    dept('Dialysis', 'dialysis', 'Main Tower', '1', labelled('Dialysis', 16, true)),
    dept('Laboratory', 'laboratory', 'Main Tower', 'B', ['Core Lab', 'Hematology', 'Chemistry', 'Blood Bank', 'Microbiology', 'Molecular']),
    dept('Sterile Processing', 'sterile_processing', 'Main Tower', 'B', ['Decontamination', 'Sterilizer Bay', 'Prep and Pack']),
    dept('Biomedical Engineering', 'biomed', 'Main Tower', 'B', ['Biomed Shop', 'Equipment Depot']),
    dept('Operating Rooms', 'surgery', 'Main Tower', '2', labelled('OR', 16)),
    dept('PACU', 'pacu', 'Main Tower', '2', labelled('PACU', 20, true)),
    dept('Endoscopy', 'endoscopy', 'Main Tower', '2', labelled('Endo', 6)),
    dept('Medical ICU', 'icu', 'Main Tower', '3', numbered(3101, 24)),
    dept('Surgical ICU', 'icu', 'Main Tower', '3', numbered(3201, 24)),
    dept('Respiratory Therapy', 'respiratory', 'Main Tower', '3', ['RT Equipment Room', 'RT Office']),
    dept('Med-Surg 4 West', 'medsurg', 'Main Tower', '4', numbered(4101, 32)),
    dept('Med-Surg 5 East', 'medsurg', 'Main Tower', '5', numbered(5201, 32)),
    dept('Med-Surg 6 West', 'medsurg', 'Main Tower', '6', numbered(6101, 32)),
    dept('Oncology 7', 'oncology', 'Main Tower', '7', numbered(7101, 24)),
    dept('Cardiology', 'cardiology', 'Heart & Vascular Pavilion', '1', [...labelled('Cath Lab', 3), 'Echo 1', 'Echo 2', 'EKG 1', 'Stress 1']),
    dept('Cardiac ICU', 'icu', 'Heart & Vascular Pavilion', '2', numbered(2201, 16)),
    dept('Cardiac Step-Down', 'medsurg', 'Heart & Vascular Pavilion', '3', numbered(2301, 24)),
    dept('Labor & Delivery', 'labor_delivery', "Women's & Children's Pavilion", '1', [...labelled('LDR', 14, true), 'C-Section OR 1', 'C-Section OR 2']),
    dept('Mother-Baby', 'medsurg', "Women's & Children's Pavilion", '2', numbered(1201, 24)),
    dept('NICU', 'nicu', "Women's & Children's Pavilion", '3', labelled('NICU', 30, true)),
    dept('Infusion Center', 'oncology', 'Cancer Center', '1', labelled('Chair', 24, true)),
    dept('Radiation Oncology', 'radiation_oncology', 'Cancer Center', 'B', ['Vault 1', 'Vault 2', 'CT Sim']),
  ],
};

const COMMUNITY: SitePlan = {
  buildings: [
    { name: 'Main Building', floors: levels('1', '2', '3', '4') },
    { name: 'Medical Office Building', floors: levels('1', '2') },
  ],
  departments: [
    dept('Emergency Department', 'emergency', 'Main Building', '1', labelled('ED', 20, true)),
    dept('Radiology', 'radiology', 'Main Building', '1', ['CT 1', 'MRI 1', 'X-Ray 1', 'X-Ray 2', 'US 1', 'US 2', 'Mammo 1']),
    dept('Laboratory', 'laboratory', 'Main Building', '1', ['Core Lab', 'Blood Bank', 'Microbiology']),
    dept('Sterile Processing', 'sterile_processing', 'Main Building', '1', ['Decontamination', 'Sterilizer Bay']),
    dept('Biomedical Engineering', 'biomed', 'Main Building', '1', ['Biomed Shop']),
    dept('Operating Rooms', 'surgery', 'Main Building', '2', labelled('OR', 8)),
    dept('PACU', 'pacu', 'Main Building', '2', labelled('PACU', 10, true)),
    dept('Endoscopy', 'endoscopy', 'Main Building', '2', labelled('Endo', 3)),
    dept('ICU', 'icu', 'Main Building', '2', numbered(2201, 16)),
    dept('Respiratory Therapy', 'respiratory', 'Main Building', '2', ['RT Equipment Room']),
    dept('Labor & Delivery', 'labor_delivery', 'Main Building', '3', labelled('LDR', 8, true)),
    dept('Med-Surg 3', 'medsurg', 'Main Building', '3', numbered(3101, 28)),
    dept('Med-Surg 4', 'medsurg', 'Main Building', '4', numbered(4101, 28)),
    dept('Dialysis', 'dialysis', 'Main Building', '4', labelled('Dialysis', 6, true)),
    dept('Cardiology', 'cardiology', 'Medical Office Building', '1', ['Echo 1', 'EKG 1', 'Stress 1']),
    dept('Infusion Center', 'oncology', 'Medical Office Building', '2', labelled('Chair', 12, true)),
  ],
};

const OUTPATIENT: SitePlan = {
  buildings: [{ name: 'Outpatient Center', floors: levels('1', '2', '3') }],
  departments: [
    dept('Urgent Care', 'emergency', 'Outpatient Center', '1', labelled('UC', 8, true)),
    dept('Imaging', 'radiology', 'Outpatient Center', '1', ['CT 1', 'MRI 1', 'X-Ray 1', 'US 1', 'US 2', 'Mammo 1']),
    dept('Laboratory', 'laboratory', 'Outpatient Center', '1', ['Lab']),
    dept('Cardiology Clinic', 'cardiology', 'Outpatient Center', '1', ['EKG 1', 'Echo 1']),
    dept('Ambulatory Surgery', 'surgery', 'Outpatient Center', '2', labelled('OR', 4)),
    dept('Recovery', 'pacu', 'Outpatient Center', '2', labelled('Recovery', 10, true)),
    dept('Endoscopy', 'endoscopy', 'Outpatient Center', '2', labelled('Endo', 2)),
    dept('Sterile Processing', 'sterile_processing', 'Outpatient Center', '2', ['Decontamination', 'Sterilizer Bay']),
    dept('Infusion Center', 'oncology', 'Outpatient Center', '3', labelled('Chair', 16, true)),
    dept('Dialysis', 'dialysis', 'Outpatient Center', '3', labelled('Dialysis', 20, true)),
  ],
};

export const SITE_PLANS: Record<FacilityProfile, SitePlan> = { tertiary: TERTIARY, community: COMMUNITY, outpatient: OUTPATIENT };

/**
 * FDA product classification records (`foiclass.txt`): one row per three-letter product code, with
 * the regulatory device class and the implant and life-sustaining flags.
 */

/** 1–3: class I–III; U: unclassified; N: not classified; F: humanitarian device exemption (HDE). */
export const FDA_DEVICE_CLASSES = ['1', '2', '3', 'U', 'N', 'F'] as const;
export type FdaDeviceClass = (typeof FDA_DEVICE_CLASSES)[number];

export const FDA_DEVICE_CLASS_LABELS: Record<FdaDeviceClass, string> = {
  '1': 'Class I',
  '2': 'Class II',
  '3': 'Class III',
  U: 'Unclassified',
  N: 'Not classified',
  F: 'Humanitarian device exemption (HDE)',
};

export interface FdaProductClassification {
  productCode: string;
  deviceName: string;
  deviceClass: FdaDeviceClass;
  /** 21 CFR section, e.g. "868.5895"; null for unclassified devices. */
  regulationNumber: string | null;
  /** Two-letter medical specialty (advisory committee), e.g. "AN" for anesthesiology. */
  medicalSpecialty: string | null;
  /** Two-letter review panel. */
  reviewPanel: string | null;
  implant: boolean;
  lifeSustaining: boolean;
  definition: string | null;
  unclassifiedReason: string | null;
  gmpExempt: boolean;
  thirdPartyReviewEligible: boolean;
  thirdPartyReviewCode: string | null;
  submissionTypeId: string | null;
  physicalState: string | null;
  technicalMethod: string | null;
  targetArea: string | null;
  summaryMalfunctionReporting: 'eligible' | 'ineligible' | null;
}

export type FdaClassificationField = keyof FdaProductClassification;

/** File column → record field. Column names are matched case-insensitively. */
export const FDA_CLASSIFICATION_COLUMNS: Readonly<Record<string, FdaClassificationField>> = {
  REVIEW_PANEL: 'reviewPanel',
  MEDICALSPECIALTY: 'medicalSpecialty',
  PRODUCTCODE: 'productCode',
  DEVICENAME: 'deviceName',
  DEVICECLASS: 'deviceClass',
  UNCLASSIFIED_REASON: 'unclassifiedReason',
  GMPEXEMPTFLAG: 'gmpExempt',
  THIRDPARTYFLAG: 'thirdPartyReviewEligible',
  REVIEWCODE: 'thirdPartyReviewCode',
  REGULATIONNUMBER: 'regulationNumber',
  SUBMISSION_TYPE_ID: 'submissionTypeId',
  DEFINITION: 'definition',
  PHYSICALSTATE: 'physicalState',
  TECHNICALMETHOD: 'technicalMethod',
  TARGETAREA: 'targetArea',
  IMPLANT_FLAG: 'implant',
  LIFE_SUSTAIN_SUPPORT_FLAG: 'lifeSustaining',
  SUMMARYMALFUNCTIONREPORTING: 'summaryMalfunctionReporting',
};

/** Columns without which the file is not a classification file. */
export const REQUIRED_FDA_CLASSIFICATION_FIELDS: readonly FdaClassificationField[] = [
  'productCode',
  'deviceName',
  'deviceClass',
  'implant',
  'lifeSustaining',
];

export function isFdaDeviceClass(value: string): value is FdaDeviceClass {
  return (FDA_DEVICE_CLASSES as readonly string[]).includes(value);
}

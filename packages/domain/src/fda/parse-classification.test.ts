/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCp1252 } from './cp1252.ts';
import { parseFdaClassification } from './parse-classification.ts';
import { fixturePath } from '../../../../test-support/fixtures.ts';

const HEADER =
  'REVIEW_PANEL|MEDICALSPECIALTY|PRODUCTCODE|DEVICENAME|DEVICECLASS|UNCLASSIFIED_REASON|GMPEXEMPTFLAG|THIRDPARTYFLAG|REVIEWCODE|REGULATIONNUMBER|SUBMISSION_TYPE_ID|DEFINITION|PHYSICALSTATE|TECHNICALMETHOD|TARGETAREA|Implant_Flag|Life_Sustain_support_flag|SummaryMalfunctionReporting';

describe('parseFdaClassification on the real FDA file', () => {
  // The fixture lives in shared/, beside the project root (see shared/fixtures/README.md).
  const bytes = readFileSync(fixturePath('fda/foiclass-2020.txt'));
  const { records, problems } = parseFdaClassification(decodeCp1252(bytes));
  const byCode = new Map(records.map((r) => [r.productCode, r]));

  it('reads all 6,617 product codes without problems', () => {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(6617);
    expect(byCode.size).toBe(6617);
  });

  it('reads a continuous ventilator as life-sustaining class II', () => {
    expect(byCode.get('CBK')).toMatchObject({
      deviceName: 'Ventilator, Continuous, Facility Use',
      deviceClass: '2',
      regulationNumber: '868.5895',
      medicalSpecialty: 'AN',
      reviewPanel: 'AN',
      lifeSustaining: true,
      implant: false,
      submissionTypeId: '1',
      summaryMalfunctionReporting: 'ineligible',
    });
  });

  it('reads the infusion pump and AED codes', () => {
    expect(byCode.get('FRN')).toMatchObject({ deviceName: 'Pump, Infusion', deviceClass: '2', reviewPanel: 'HO' });
    expect(byCode.get('MKJ')).toMatchObject({ deviceClass: '3', regulationNumber: '870.5310' });
    expect(byCode.get('MKJ')?.definition).toContain('non-wearable');
  });

  it('counts implant and life-sustaining flags', () => {
    expect(records.filter((r) => r.implant)).toHaveLength(640);
    expect(records.filter((r) => r.lifeSustaining)).toHaveLength(205);
  });

  it('reads lower-case "f" as the HDE class and leaves empty columns null', () => {
    expect(byCode.get('OAZ')).toMatchObject({ deviceClass: 'F', medicalSpecialty: null, regulationNumber: null });
    expect(records.filter((r) => r.deviceClass === 'F')).toHaveLength(46);
  });

  it('decodes non-ASCII characters', () => {
    expect(byCode.get('PQV')?.deviceName).toBe('ß-Glucocerebrosidase (Gba) Newborn Screening Test System');
    expect(byCode.get('PNV')?.technicalMethod).toContain('patient\u2019s mouth');
  });

  it('trims names with stray spaces', () => {
    expect(records.every((r) => r.deviceName === r.deviceName.trim())).toBe(true);
  });
});

describe('parseFdaClassification on broken input', () => {
  const row = (code: string, extra: Partial<Record<'name' | 'cls' | 'implant' | 'life' | 'smr', string>> = {}) =>
    `AN|AN|${code}|${extra.name ?? 'Stool, Anesthesia'}|${extra.cls ?? '1'}||N|N||868.6700|4|||||${extra.implant ?? 'N'}|${extra.life ?? 'N'}|${extra.smr ?? 'Eligible'}`;

  it('reports a header without required columns', () => {
    const result = parseFdaClassification('PRODUCTCODE|DEVICENAME\nBRX|Stool');
    expect(result.records).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'deviceClass'],
      [1, 'implant'],
      [1, 'lifeSustaining'],
    ]);
  });

  it('skips unusable rows with 1-based line numbers and keeps the rest', () => {
    const text = [
      `\uFEFF${HEADER}`,
      row('BRX'),
      'AN|AN|BRY|too few',
      row('BR'),
      row('BRZ', { name: ' ' }),
      row('BSA', { cls: '4' }),
      row('BRX'),
      row('bsb', { implant: 'Yes', smr: 'Maybe' }),
      '',
    ].join('\r\n');
    const { records, problems } = parseFdaClassification(text);
    expect(records.map((r) => r.productCode)).toEqual(['BRX', 'BSB']);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, null],
      [4, 'productCode'],
      [5, 'deviceName'],
      [6, 'deviceClass'],
      [7, 'productCode'],
      [8, 'implant'],
      [8, 'summaryMalfunctionReporting'],
    ]);
    expect(problems[4]?.message).toBe('Product code BRX repeats line 2; row skipped');
    expect(records[1]).toMatchObject({ implant: false, summaryMalfunctionReporting: null });
  });

  it('finds columns by name in any order and with LF line ends', () => {
    const text = 'DEVICECLASS|productcode|DEVICENAME|IMPLANT_FLAG|LIFE_SUSTAIN_SUPPORT_FLAG\n3|DXY|Implantable Pacemaker|Y|Y\n';
    expect(parseFdaClassification(text)).toEqual({
      problems: [],
      records: [expect.objectContaining({ productCode: 'DXY', deviceClass: '3', implant: true, lifeSustaining: true, definition: null })],
    });
  });
});

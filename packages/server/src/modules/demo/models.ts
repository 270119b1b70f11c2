/**
 * The demo catalog's models: real manufacturers and model lines as hospitals hold them. Software versions follow
 * the public record where one exists (several appear in CISA medical advisories, so that vulnerability matching
 * has something to find); end-of-support dates and GS1 company prefixes are illustrative, not the manufacturers'.
 */
export interface DemoModel {
  type: string;
  /** Key of a manufacturer in KNOWN_MANUFACTURERS or EXTRA_MANUFACTURERS. */
  manufacturer: string;
  modelNumber: string;
  name: string;
  /** First year the demo hospital could have bought one. */
  since: number;
  /** Share within its device type. */
  weight: number;
  serialPrefix: string;
  /** Software versions, oldest first; newer devices tend to run newer ones. */
  software?: readonly string[];
  os?: string;
  /** Share of devices on the network, when it differs from the device type's. */
  connected?: number;
  endOfSupport?: string;
  expectedLifeYears?: number;
}

type Extra = Partial<Pick<DemoModel, 'software' | 'os' | 'connected' | 'endOfSupport' | 'expectedLifeYears'>>;

function m(type: string, manufacturer: string, modelNumber: string, name: string, since: number, weight: number, serialPrefix: string, extra: Extra = {}): DemoModel {
  return { type, manufacturer, modelNumber, name, since, weight, serialPrefix, ...extra };
}

const RTOS = 'Embedded RTOS';
const WIN10 = 'Windows 10 IoT Enterprise LTSC 2019';
const WIN7 = 'Windows 7 Embedded Standard';
const LINUX = 'Embedded Linux';

/** Manufacturers the demo needs beyond the domain's KNOWN_MANUFACTURERS seed. */
export const EXTRA_MANUFACTURERS: readonly { id: string; name: string; aliases: readonly string[] }[] = [
  { id: 'erbe', name: 'Erbe Elektromedizin', aliases: ['Erbe', 'ERBE USA'] },
  { id: 'lumenis', name: 'Lumenis', aliases: ['Lumenis Be'] },
  { id: 'candela', name: 'Candela', aliases: ['Candela Medical', 'Syneron Candela'] },
  { id: 'radiometer', name: 'Radiometer', aliases: ['Radiometer Medical', 'Radiometer America'] },
  { id: 'helmer', name: 'Helmer Scientific', aliases: ['Helmer'] },
  { id: 'gentherm', name: 'Gentherm Medical', aliases: ['Cincinnati Sub-Zero', 'CSZ'] },
  { id: '3m', name: '3M', aliases: ['3M Health Care', 'Solventum', 'Arizant'] },
  { id: 'verathon', name: 'Verathon', aliases: ['Verathon Medical'] },
  { id: 'zimmer-biomet', name: 'Zimmer Biomet', aliases: ['Zimmer', 'Biomet'] },
  { id: 'belmont', name: 'Belmont Medical Technologies', aliases: ['Belmont Instrument'] },
];

export const DEMO_MODELS: readonly DemoModel[] = [
  // Infusion
  m('pcu', 'bd', '8015', 'Alaris PC Unit', 2009, 10, '', { software: ['9.19.2', '9.33.1', '12.1.2', '12.3.1'], os: RTOS }),
  m('lvp', 'bd', '8100', 'Alaris Pump Module', 2009, 6, '', { software: ['9.19.2', '9.33.1', '12.1.2'], connected: 0 }),
  m('lvp', 'baxter', '35700BAX2', 'Spectrum V8 Infusion System', 2013, 3, 'BX', { software: ['8.00.01', '8.01.00'], os: RTOS, connected: 0.3 }),
  m('lvp', 'baxter', '35700BAX3', 'Spectrum IQ Infusion System', 2019, 2, 'BQ', { software: ['9.02.00', '9.03.01'], os: RTOS, connected: 0.4 }),
  m('lvp', 'icu-medical', 'Plum 360', 'Plum 360 Infusion System', 2015, 3, '', { software: ['15.11', '15.12', '15.20'], os: RTOS, connected: 0.3 }),
  m('lvp', 'b-braun', '8713050U', 'Infusomat Space', 2014, 1, 'IS', { software: ['688F', '689H'], os: RTOS, connected: 0.3 }),
  m('syringe', 'bd', '8110', 'Alaris Syringe Module', 2009, 4, '', { software: ['9.19.2', '12.1.2'], connected: 0 }),
  m('syringe', 'icu-medical', '4000', 'Medfusion 4000 Wireless Syringe Infusion Pump', 2012, 3, 'MF', { software: ['1.5', '1.6', '1.7.1'], os: RTOS, connected: 0.4 }),
  m('syringe', 'b-braun', '8713030U', 'Perfusor Space', 2014, 2, 'PS', { software: ['688F', '689H'], os: RTOS, connected: 0.5 }),
  m('pca', 'bd', '8120', 'Alaris PCA Module', 2009, 3, '', { software: ['9.19.2', '12.1.2'], connected: 0 }),
  m('pca', 'icu-medical', '2120', 'CADD-Solis VIP Ambulatory Infusion Pump', 2013, 2, 'CV', { software: ['4.1', '4.2'], os: RTOS, connected: 0.8 }),
  m('ambulatory-pump', 'icu-medical', '2110', 'CADD-Solis Ambulatory Infusion Pump', 2011, 3, 'CS', { software: ['3.1', '4.2'], os: RTOS }),
  m('enteral', 'cardinal-health', 'Kangaroo ePump', 'Kangaroo ePump Enteral Feeding Pump', 2012, 5, 'KE', { software: ['1.4', '2.1'] }),
  m('enteral', 'cardinal-health', 'Kangaroo Joey', 'Kangaroo Joey Enteral Feeding Pump', 2010, 2, 'KJ', { software: ['2.0'], endOfSupport: '2025-12-31' }),
  m('rapid-infuser', 'belmont', 'RI-2', 'Rapid Infuser RI-2', 2012, 2, 'RI'),
  m('rapid-infuser', 'icu-medical', 'H-1200', 'Level 1 H-1200 Fast Flow Fluid Warmer', 2010, 1, 'H1'),
  // Monitoring
  m('monitor', 'philips', 'MX450', 'IntelliVue MX450', 2012, 5, 'DE', { software: ['L.01.01', 'M.00.03', 'N.00.04'], os: RTOS }),
  m('monitor', 'philips', 'MX800', 'IntelliVue MX800', 2011, 4, 'DE', { software: ['L.01.01', 'M.00.03', 'N.00.04'], os: RTOS }),
  m('monitor', 'philips', 'MP50', 'IntelliVue MP50', 2008, 1, 'DE', { software: ['J.10.51', 'K.20.10'], os: RTOS, endOfSupport: '2023-12-31' }),
  m('monitor', 'ge-healthcare', 'B450', 'CARESCAPE Monitor B450', 2012, 3, 'SBM', { software: ['2.0.3', '2.1.2', '3.1'], os: RTOS }),
  m('monitor', 'ge-healthcare', 'B650', 'CARESCAPE Monitor B650', 2010, 3, 'SD', { software: ['1.1.4', '2.0.3', '3.1'], os: RTOS }),
  m('monitor', 'ge-healthcare', 'B850', 'CARESCAPE Monitor B850', 2010, 1, 'SE', { software: ['2.0.3', '3.1'], os: RTOS }),
  m('monitor', 'mindray', 'ePM 10', 'ePM 10 Patient Monitor', 2019, 2, 'EP', { software: ['02.01.00', '02.12.00'], os: LINUX }),
  m('monitor', 'mindray', 'N17', 'BeneVision N17', 2018, 1, 'BN', { software: ['01.06.00', '01.09.00'], os: LINUX }),
  m('monitor', 'spacelabs', '91390', 'Qube Patient Monitor', 2014, 1, 'QB', { software: ['3.04', '3.06'], os: LINUX }),
  m('telemetry', 'philips', 'MX40', 'IntelliVue MX40 Patient Worn Monitor', 2012, 4, 'US', { software: ['B.06.18', 'B.06.60', 'C.00.01'], os: RTOS }),
  m('telemetry', 'ge-healthcare', 'ApexPro CH', 'ApexPro CH Telemetry Transmitter', 2010, 1, 'AP', { software: ['4.2'], os: RTOS }),
  m('central-station', 'philips', 'PIC iX', 'IntelliVue Patient Information Center iX', 2014, 3, 'PIC', { software: ['B.02', 'C.02', 'C.03', 'D.01'], os: 'Windows Server 2016' }),
  m('central-station', 'ge-healthcare', 'CSCS', 'CARESCAPE Central Station', 2012, 2, 'CCS', { software: ['2.0', '2.1.1'], os: 'Windows Server 2012 R2' }),
  m('vital-signs', 'welch-allyn', '71XX', 'Connex Spot Monitor', 2014, 4, '1000', { software: ['1.40', '1.52', '1.60'], os: LINUX }),
  m('vital-signs', 'welch-allyn', '6000', 'Connex Vital Signs Monitor 6000', 2012, 3, '1001', { software: ['2.40.01', '2.43.02', '2.50'], os: LINUX }),
  m('vital-signs', 'philips', '863283', 'SureSigns VS4', 2010, 1, 'CN', { software: ['A.07.107', 'A.08.00'], os: RTOS, endOfSupport: '2024-06-30' }),
  m('hemodynamic', 'edwards-lifesciences', 'HEM1', 'HemoSphere Advanced Monitor', 2017, 3, 'HEM', { software: ['2.0', '2.4'], os: LINUX }),
  m('fetal-monitor', 'philips', 'FM30', 'Avalon FM30', 2007, 3, 'DE', { software: ['J.3', 'L.3'], os: RTOS }),
  m('fetal-monitor', 'philips', 'FM50', 'Avalon FM50', 2007, 2, 'DE', { software: ['J.3', 'L.3'], os: RTOS }),
  m('fetal-monitor', 'ge-healthcare', '259cx', 'Corometrics 259cx', 2009, 1, 'SL', { software: ['2.0'], endOfSupport: '2026-06-30' }),
  m('pulse-oximeter', 'masimo', 'Radical-7', 'Radical-7 Pulse CO-Oximeter', 2008, 4, '', { software: ['7.8.0.1', '7.9.1.1'] }),
  m('pulse-oximeter', 'masimo', 'Rad-97', 'Rad-97 Pulse CO-Oximeter', 2017, 2, '', { software: ['1.1.3.1', '1.2.0.2'], os: LINUX, connected: 0.4 }),
  m('pulse-oximeter', 'medtronic', 'PM1000N', 'Nellcor Bedside SpO2 Patient Monitoring System', 2012, 2, 'G', { software: ['1.0.0.3'] }),
  m('pulse-oximeter', 'nonin', '7500', '7500 Digital Pulse Oximeter', 2010, 1, '5'),
  m('capnograph', 'medtronic', 'Capnostream 35', 'Capnostream 35 Portable Respiratory Monitor', 2017, 2, 'C3', { software: ['1.1', '1.3'] }),
  m('ecg', 'ge-healthcare', 'MAC 5500 HD', 'MAC 5500 HD Resting ECG System', 2009, 2, 'SDG', { software: ['010B', '012A'], os: WIN7 }),
  m('ecg', 'philips', '860315', 'PageWriter TC70 Cardiograph', 2011, 2, 'US', { software: ['A.06.00', 'A.07.05'], os: WIN7 }),
  m('ecg', 'mortara', 'ELI 280', 'ELI 280 Resting Electrocardiograph', 2012, 1, '1160', { software: ['2.3.1', '2.4.0'], os: LINUX }),
  m('thermometer', 'welch-allyn', '692', 'SureTemp Plus 692', 2008, 3, 'TP'),
  m('bladder-scanner', 'verathon', 'BladderScan Prime PLUS', 'BladderScan Prime PLUS Bladder Scanner', 2017, 2, 'BP', { software: ['1.6', '2.0'] }),
  // Resuscitation and life support
  m('defibrillator', 'zoll', 'R Series', 'R Series ALS Defibrillator', 2008, 4, 'AF', { software: ['03.02.004', '05.20.010'], os: RTOS }),
  m('defibrillator', 'zoll', 'X Series', 'X Series Monitor/Defibrillator', 2012, 2, 'AR', { software: ['02.36.00', '03.02.00'], os: LINUX }),
  m('defibrillator', 'stryker', 'LIFEPAK 15', 'LIFEPAK 15 Monitor/Defibrillator', 2010, 3, '4', { software: ['3307260-007', '3314922-010'], os: RTOS }),
  m('defibrillator', 'stryker', 'LIFEPAK 20e', 'LIFEPAK 20e Defibrillator/Monitor', 2011, 2, '4', { software: ['3207211-022'], os: RTOS }),
  m('defibrillator', 'philips', 'M3535A', 'HeartStart MRx', 2005, 2, 'US', { software: ['F.01.01', 'F.02.00'], os: RTOS, endOfSupport: '2025-12-31' }),
  m('aed', 'zoll', 'AED Plus', 'AED Plus', 2006, 4, 'X', { software: ['3.40', '5.32'] }),
  m('aed', 'zoll', 'AED 3', 'AED 3', 2017, 2, 'AA', { software: ['01.05.00', '01.08.00'] }),
  m('aed', 'philips', '861304', 'HeartStart FRx', 2005, 3, 'B'),
  m('aed', 'stryker', 'LIFEPAK 1000', 'LIFEPAK 1000 Defibrillator', 2009, 1, '4', { software: ['3011280-011'] }),
  m('aed', 'stryker', 'LIFEPAK CR2', 'LIFEPAK CR2 Defibrillator', 2018, 2, '4', { software: ['1.3.0', '2.0.1'] }),
  m('chest-compression', 'stryker', 'LUCAS 3.1', 'LUCAS 3.1 Chest Compression System', 2019, 2, '3'),
  m('chest-compression', 'zoll', 'AutoPulse', 'AutoPulse Resuscitation System', 2010, 1, 'AP'),
  m('ventilator', 'hamilton-medical', 'C6', 'HAMILTON-C6', 2016, 3, 'HC6', { software: ['1.1.4', '1.2.2'], os: LINUX }),
  m('ventilator', 'draeger', 'Evita V800', 'Evita V800', 2015, 2, 'ASK', { software: ['2.40', '2.52'], os: LINUX }),
  m('ventilator', 'medtronic', '980', 'Puritan Bennett 980 Ventilator', 2014, 3, '35B', { software: ['RH-1.4', 'RH-1.5'], os: RTOS }),
  m('ventilator', 'medtronic', '840', 'Puritan Bennett 840 Ventilator', 2006, 1, '35A', { software: ['4-070212-85-AA'], os: RTOS, endOfSupport: '2023-12-31' }),
  m('ventilator', 'getinge', 'SERVO-u', 'SERVO-u Ventilator', 2016, 2, 'SU', { software: ['4.2', '4.4'], os: LINUX }),
  m('ventilator', 'ge-healthcare', 'R860', 'CARESCAPE R860', 2013, 1, 'SMC', { software: ['11', '12'], os: LINUX }),
  m('transport-ventilator', 'hamilton-medical', 'T1', 'HAMILTON-T1', 2013, 3, 'HT1', { software: ['2.2.3', '3.1.0'], os: LINUX }),
  m('neonatal-ventilator', 'draeger', 'Babylog VN800', 'Babylog VN800', 2016, 2, 'ASL', { software: ['2.40', '2.52'], os: LINUX }),
  m('niv', 'philips', 'V60', 'Respironics V60 Ventilator', 2010, 3, 'PV', { software: ['2.30', '3.00'], os: RTOS }),
  m('niv', 'philips', 'Trilogy Evo', 'Trilogy Evo', 2019, 1, 'TV', { software: ['1.05.02'], os: LINUX }),
  m('niv', 'resmed', 'Astral 150', 'Astral 150', 2016, 1, '2', { software: ['3.2', '4.4'], os: RTOS }),
  m('anesthesia', 'ge-healthcare', 'Aisys CS2', 'Aisys CS2 Anesthesia Delivery System', 2012, 4, 'AMT', { software: ['10', '11'], os: LINUX }),
  m('anesthesia', 'ge-healthcare', 'Avance CS2', 'Avance CS2 Anesthesia Delivery System', 2012, 2, 'AMU', { software: ['10', '11'], os: LINUX }),
  m('anesthesia', 'draeger', 'Perseus A500', 'Perseus A500', 2013, 2, 'ASN', { software: ['2.01', '2.03'], os: LINUX }),
  m('anesthesia', 'draeger', 'Fabius GS premium', 'Fabius GS premium', 2008, 1, 'ASB', { software: ['3.35'], connected: 0.2 }),
  m('iabp', 'getinge', 'CS300', 'CS300 Intra-Aortic Balloon Pump', 2009, 1, 'S3', { software: ['3.0'] }),
  m('iabp', 'getinge', 'Cardiosave', 'Cardiosave Hybrid IABP', 2013, 1, 'CH', { software: ['4.4'] }),
  m('ecmo', 'getinge', 'Cardiohelp', 'Cardiohelp System', 2014, 1, 'CHS', { software: ['4.0', '5.2'] }),
  // Imaging and radiation therapy
  m('ct', 'siemens-healthineers', 'SOMATOM go.Top', 'SOMATOM go.Top', 2018, 2, '1', { software: ['VA20A', 'VA30A'], os: WIN10 }),
  m('ct', 'siemens-healthineers', 'SOMATOM Definition AS', 'SOMATOM Definition AS', 2010, 1, '8', { software: ['VA48A', 'VB20A'], os: WIN7, endOfSupport: '2026-03-31' }),
  m('ct', 'ge-healthcare', 'Revolution CT', 'Revolution CT', 2015, 2, 'RC', { software: ['ES 2.0', 'ES 2.1'], os: LINUX }),
  m('ct', 'philips', 'Incisive CT', 'Incisive CT', 2019, 1, 'IC', { software: ['4.0', '5.0'], os: WIN10 }),
  m('mri', 'philips', 'Ingenia 1.5T', 'Ingenia 1.5T', 2012, 2, 'IN', { software: ['5.3.1', '5.6.1', '5.7.1'], os: WIN10 }),
  m('mri', 'siemens-healthineers', 'MAGNETOM Aera', 'MAGNETOM Aera 1.5T', 2011, 1, '1', { software: ['syngo MR E11', 'syngo MR XA20'], os: WIN10 }),
  m('mri', 'ge-healthcare', 'SIGNA Artist', 'SIGNA Artist 1.5T', 2017, 1, 'SA', { software: ['DV26', 'MR29'], os: LINUX }),
  m('mobile-xray', 'ge-healthcare', 'Optima XR220amx', 'Optima XR220amx', 2013, 2, 'XA', { software: ['3.1'], os: WIN7 }),
  m('mobile-xray', 'carestream', 'DRX-Revolution', 'DRX-Revolution Mobile X-ray System', 2013, 2, 'DR', { software: ['5.7', '5.8'], os: WIN10 }),
  m('mobile-xray', 'philips', 'MobileDiagnost wDR', 'MobileDiagnost wDR', 2014, 1, 'MD', { software: ['2.2'], os: WIN7 }),
  m('mobile-xray', 'siemens-healthineers', 'Mobilett Mira Max', 'Mobilett Mira Max', 2016, 1, '1', { software: ['VF10'], os: WIN10 }),
  m('xray', 'siemens-healthineers', 'Ysio Max', 'Ysio Max', 2014, 2, '1', { software: ['VF10', 'VF11'], os: WIN10 }),
  m('xray', 'ge-healthcare', 'Definium 656 HD', 'Definium 656 HD', 2016, 1, 'DF', { software: ['ADS 4.1'], os: LINUX }),
  m('c-arm', 'ge-healthcare', 'OEC 9900 Elite', 'OEC 9900 Elite', 2009, 2, 'E2', { software: ['4.3.2'], os: WIN7 }),
  m('c-arm', 'siemens-healthineers', 'Cios Alpha', 'Cios Alpha', 2016, 1, '1', { software: ['VA30'], os: WIN10 }),
  m('c-arm', 'philips', 'Zenition 70', 'Zenition 70', 2020, 1, 'ZN', { software: ['1.2'], os: WIN10 }),
  m('ultrasound', 'ge-healthcare', 'LOGIQ E10', 'LOGIQ E10', 2018, 2, 'LE', { software: ['R1', 'R2', 'R3'], os: WIN10 }),
  m('ultrasound', 'philips', 'EPIQ 7', 'EPIQ 7', 2013, 3, 'US', { software: ['VM5.0', 'VM7.0', 'VM9.0'], os: WIN10 }),
  m('ultrasound', 'philips', 'Affiniti 70', 'Affiniti 70', 2015, 2, 'US', { software: ['VM5.0', 'VM7.0'], os: WIN10 }),
  m('ultrasound', 'ge-healthcare', 'Vivid E95', 'Vivid E95', 2015, 1, 'VE', { software: ['v203', 'v204'], os: WIN10 }),
  m('poc-ultrasound', 'fujifilm', 'X-Porte', 'SonoSite X-Porte', 2014, 3, 'X', { software: ['1.8', '3.0'], os: WIN7 }),
  m('poc-ultrasound', 'fujifilm', 'Edge II', 'SonoSite Edge II', 2017, 3, 'E', { software: ['1.0.2', '2.2'], os: RTOS }),
  m('poc-ultrasound', 'ge-healthcare', 'Venue Go', 'Venue Go', 2019, 2, 'VG', { software: ['R2', 'R3'], os: WIN10 }),
  m('mammography', 'hologic', 'Selenia Dimensions', 'Selenia Dimensions', 2011, 2, 'SDM', { software: ['1.10', '1.11'], os: WIN10 }),
  m('angiography', 'philips', 'Azurion 7', 'Azurion 7 C20', 2017, 1, 'AZ', { software: ['1.2', '2.1'], os: WIN10 }),
  m('angiography', 'siemens-healthineers', 'Artis zee', 'Artis zee floor', 2010, 1, '1', { software: ['VD11', 'VD12'], os: WIN7 }),
  m('spect-ct', 'ge-healthcare', 'Discovery NM/CT 670', 'Discovery NM/CT 670', 2012, 1, 'NM', { software: ['1.5'], os: LINUX }),
  m('linac', 'varian', 'TrueBeam', 'TrueBeam', 2012, 2, 'H19', { software: ['2.7', '3.0'], os: WIN10 }),
  m('linac', 'elekta', 'Versa HD', 'Versa HD', 2014, 1, '15', { software: ['Integrity R4.0'], os: WIN10 }),
  // Laboratory
  m('hematology', 'sysmex', 'XN-1000', 'XN-1000 Hematology Analyzer', 2012, 3, '1', { software: ['00-22', '00-26'], os: WIN10 }),
  m('hematology', 'beckman-coulter', 'DxH 800', 'UniCel DxH 800 Coulter Cellular Analysis System', 2010, 2, 'AY', { software: ['3.0.2', '3.2'], os: WIN7 }),
  m('chemistry', 'roche-diagnostics', 'cobas 8000', 'cobas 8000 modular analyzer series', 2011, 1, '1', { software: ['06-01', '06-03'], os: WIN10 }),
  m('chemistry', 'roche-diagnostics', 'cobas c 501', 'cobas c 501 module', 2008, 1, '1', { software: ['04-01'], os: WIN7 }),
  m('chemistry', 'beckman-coulter', 'AU5800', 'AU5800 Clinical Chemistry System', 2011, 1, '2', { software: ['6.50'], os: WIN7 }),
  m('chemistry', 'abbott', 'ci4100', 'ARCHITECT ci4100 Integrated System', 2010, 1, 'ISR', { software: ['9.45'], os: WIN7 }),
  m('immunoassay', 'abbott', 'i2000SR', 'ARCHITECT i2000SR', 2008, 2, 'ISR', { software: ['9.45', '9.50'], os: WIN7 }),
  m('immunoassay', 'roche-diagnostics', 'cobas e 411', 'cobas e 411 analyzer', 2008, 1, '1', { software: ['03-02'], os: WIN7 }),
  m('immunoassay', 'beckman-coulter', 'Access 2', 'Access 2 Immunoassay System', 2006, 1, '5', { software: ['3.4'], os: WIN7, endOfSupport: '2025-12-31' }),
  m('blood-gas', 'radiometer', 'ABL90 FLEX', 'ABL90 FLEX blood gas analyzer', 2013, 3, '7', { software: ['3.4', '3.6'], os: WIN10 }),
  m('blood-gas', 'siemens-healthineers', 'RAPIDPoint 500', 'RAPIDPoint 500 Blood Gas System', 2011, 1, '1', { software: ['4.3'], os: WIN7 }),
  m('molecular', 'cepheid', 'GX-IV', 'GeneXpert IV', 2012, 2, '8', { software: ['4.8', '6.4'], os: WIN10 }),
  m('poc-analyzer', 'abbott', '300-G', 'i-STAT 1 Handheld', 2006, 3, '3', { software: ['JAMS 145', 'JAMS 147'], connected: 0.8 }),
  m('glucose-meter', 'roche-diagnostics', 'Inform II', 'Accu-Chek Inform II', 2012, 4, 'UU', { software: ['03.04.00', '03.06.00'], os: RTOS }),
  m('blood-refrigerator', 'helmer', 'iB125', 'i.Series iB125 Blood Bank Refrigerator', 2014, 2, '20', { software: ['1.4'] }),
  m('centrifuge', 'beckman-coulter', 'Allegra X-30R', 'Allegra X-30R Centrifuge', 2014, 2, 'ALX'),
  // Beds and patient handling
  m('bed', 'stryker', '3002', 'S3 MedSurg Bed', 2008, 4, '0', { software: ['1.2', '2.0'], os: RTOS, connected: 0.1 }),
  m('bed', 'stryker', 'ProCuity', 'ProCuity Bed', 2020, 2, '1', { software: ['1.4'], os: RTOS, connected: 0.2 }),
  m('bed', 'hillrom', 'P7900', 'Centrella Smart+ Bed', 2017, 3, 'Z', { software: ['2.1', '3.0'], os: LINUX, connected: 0.2 }),
  m('bed', 'hillrom', 'VersaCare', 'VersaCare Bed', 2006, 1, 'R', { endOfSupport: '2024-12-31', connected: 0 }),
  m('icu-bed', 'stryker', '2131', 'InTouch Critical Care Bed', 2010, 2, '1', { software: ['3.1', '4.2'], os: RTOS, connected: 0.4 }),
  m('icu-bed', 'hillrom', 'P7500', 'Progressa Bed System', 2013, 2, 'Y', { software: ['2.3', '3.1'], os: LINUX, connected: 0.5 }),
  m('stretcher', 'stryker', '1115', 'Prime Series Stretcher', 2011, 3, '1'),
  m('stretcher', 'hillrom', 'P8000', 'Transport Stretcher P8000', 2009, 1, 'T'),
  m('patient-lift', 'arjo', 'Maxi Move', 'Maxi Move', 2010, 2, 'MM'),
  m('scd', 'cardinal-health', 'SCD 700', 'Kendall SCD 700 Sequential Compression System', 2015, 4, 'K7', { software: ['1.2'] }),
  // Surgery
  m('esu', 'medtronic', 'VLFT10GEN', 'Valleylab FT10 Energy Platform', 2014, 4, 'T', { software: ['2.0.3', '2.1.0', '4.0.0', '4.1.1'], os: RTOS }),
  m('esu', 'erbe', 'VIO 3', 'VIO 3 Electrosurgical Unit', 2018, 2, '1', { software: ['1.4', '2.2'], os: LINUX }),
  m('esu', 'conmed', 'System 5000', 'System 5000 Electrosurgical Generator', 2008, 1, 'S5', { software: ['1.3'] }),
  m('surgical-laser', 'lumenis', 'Pulse 120H', 'Pulse 120H Holmium Laser', 2011, 2, 'P1', { software: ['2.1'] }),
  m('surgical-laser', 'lumenis', 'UltraPulse', 'UltraPulse CO2 Laser', 2012, 1, 'UP', { software: ['4.0'] }),
  m('aesthetic-laser', 'candela', 'GentleMax Pro', 'GentleMax Pro', 2014, 1, 'GM', { software: ['5.3'] }),
  m('surgical-robot', 'intuitive-surgical', 'IS4000', 'da Vinci Xi Surgical System', 2015, 1, 'SK', { software: ['9.0', '9.5'], os: LINUX }),
  m('endoscopy-processor', 'olympus', 'CV-190', 'EVIS EXERA III Video System Center CV-190', 2013, 3, '2', { software: ['1.07', '1.09'], os: RTOS }),
  m('camera-system', 'karl-storz', 'TC200', 'IMAGE1 S CONNECT', 2015, 2, 'KS', { software: ['1.4', '1.6'], os: LINUX }),
  m('camera-system', 'stryker', '1688', '1688 AIM 4K Platform', 2018, 2, '1', { software: ['1.2', '1.5'], os: LINUX }),
  m('tourniquet', 'zimmer-biomet', 'A.T.S. 4000TS', 'A.T.S. 4000TS Automatic Tourniquet System', 2011, 2, 'AT'),
  m('video-laryngoscope', 'verathon', 'GlideScope Core', 'GlideScope Core', 2019, 2, 'GC', { software: ['1.2'] }),
  m('video-laryngoscope', 'medtronic', 'McGRATH MAC', 'McGRATH MAC Video Laryngoscope', 2014, 2, 'MG'),
  // Therapy, warming, neonatal
  m('hemodialysis', 'fresenius-medical-care', '2008T', '2008T Hemodialysis Machine', 2009, 5, '9', { software: ['2.72', '2.85'], os: RTOS }),
  m('hemodialysis', 'fresenius-medical-care', '2008K2', '2008K@home', 2012, 1, '7', { software: ['2.78'] }),
  m('hemodialysis', 'fresenius-medical-care', 'NxStage System One', 'NxStage System One', 2014, 1, 'NX', { software: ['4.4'] }),
  m('crrt', 'baxter', 'PrisMax', 'PrisMax System', 2018, 3, 'PMX', { software: ['2.02', '3.01'], os: LINUX }),
  m('crrt', 'baxter', 'Prismaflex', 'Prismaflex System', 2008, 1, 'PFX', { software: ['7.20', '8.10'], os: RTOS, endOfSupport: '2026-09-30' }),
  m('warming-unit', '3m', '675', 'Bair Hugger 675 Warming Unit', 2012, 4, '4'),
  m('fluid-warmer', 'icu-medical', 'HL-90', 'Level 1 Hotline HL-90 Fluid Warmer', 2008, 3, 'HL'),
  m('hypothermia', 'bd', '5000', 'Arctic Sun 5000 Temperature Management System', 2012, 2, 'AS', { software: ['1.5', '2.1'] }),
  m('hypothermia', 'gentherm', '233', 'Blanketrol III Hyper-Hypothermia System', 2008, 1, 'BL'),
  m('infant-warmer', 'ge-healthcare', 'Panda iRes', 'Panda iRes Warmer', 2010, 2, 'HDM', { software: ['2.1'] }),
  m('incubator', 'ge-healthcare', 'Giraffe OmniBed Carestation', 'Giraffe OmniBed Carestation', 2014, 2, 'HDJ', { software: ['1.1'] }),
  m('incubator', 'draeger', 'Isolette 8000 plus', 'Isolette 8000 plus', 2012, 1, 'ARJ', { software: ['2.1'] }),
  m('phototherapy', 'ge-healthcare', 'BiliSoft 2.0', 'BiliSoft 2.0 Phototherapy System', 2016, 2, 'BS'),
  // Sterile processing
  m('steam-sterilizer', 'steris', 'AMSCO 400', 'AMSCO 400 Series Small Steam Sterilizer', 2010, 2, '03', { software: ['3.03'], os: RTOS }),
  m('steam-sterilizer', 'getinge', 'GSS67H', 'GSS67H Steam Sterilizer', 2016, 1, 'G6', { software: ['5.2'], os: LINUX }),
  m('lowtemp-sterilizer', 'steris', 'V-PRO maX', 'V-PRO maX Low Temperature Sterilization System', 2012, 2, 'VP', { software: ['1.10'], os: RTOS }),
  m('endoscope-processor', 'steris', 'SYSTEM 1E', 'SYSTEM 1E Liquid Chemical Sterilant Processing System', 2011, 2, 'S1', { software: ['1.6'] }),
];

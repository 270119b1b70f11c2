/** A manufacturer as matching sees it: a canonical name and the other names it appears under. */
export interface ManufacturerCandidate {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface KnownManufacturer extends ManufacturerCandidate {
  /** Why an alias that looks like another company belongs here (acquisitions, renamed divisions). */
  note?: string;
}

/**
 * Seed list of medical device manufacturers common in hospital inventories. Former names of
 * acquired device businesses are aliases of the current owner, so that old inventory records
 * and new recalls meet; the raw text on the device record keeps the original name.
 */
export const KNOWN_MANUFACTURERS: readonly KnownManufacturer[] = [
  {
    id: 'philips',
    name: 'Philips',
    aliases: ['Philips Healthcare', 'Philips Medical Systems', 'Koninklijke Philips', 'Royal Philips', 'Phillips', 'Philips Respironics', 'Respironics'],
    note: '"Phillips" is a frequent misspelling in inventories and advisories; Phillips-Medisize is a different company.',
  },
  {
    id: 'ge-healthcare',
    name: 'GE HealthCare',
    aliases: ['GE Healthcare', 'GE Medical Systems', 'General Electric', 'GE', 'GEHC', 'GE Medical Systems Information Technologies', 'Datex-Ohmeda'],
  },
  {
    id: 'siemens-healthineers',
    name: 'Siemens Healthineers',
    aliases: ['Siemens', 'Siemens Healthcare', 'Siemens Medical Solutions', 'Siemens Healthcare Diagnostics'],
  },
  {
    id: 'medtronic',
    name: 'Medtronic',
    aliases: ['Covidien', 'Nellcor', 'Puritan Bennett', 'Medtronic MiniMed'],
    note: 'Covidien (with Nellcor and Puritan Bennett) became part of Medtronic in 2015.',
  },
  { id: 'baxter', name: 'Baxter', aliases: ['Baxter Healthcare', 'Baxter International', 'Gambro'] },
  {
    id: 'bd',
    name: 'BD',
    aliases: ['Becton Dickinson', 'Becton, Dickinson and Company', 'BD Medical', 'CareFusion', 'Alaris', 'Pyxis', 'C. R. Bard', 'Bard'],
    note: 'CareFusion (Alaris, Pyxis) joined BD in 2015, C. R. Bard in 2017.',
  },
  {
    id: 'b-braun',
    name: 'B. Braun',
    aliases: ['B. Braun Melsungen', 'B. Braun Medical', 'BBraun'],
    note: 'Braun (consumer appliances) is a different company.',
  },
  {
    id: 'draeger',
    name: 'Drägerwerk',
    aliases: ['Dräger', 'Draeger', 'Drager', 'Draeger Medical', 'Drägerwerk AG & Co. KGaA'],
  },
  { id: 'mindray', name: 'Mindray', aliases: ['Shenzhen Mindray Bio-Medical Electronics', 'Mindray DS USA', 'Mindray Medical'] },
  { id: 'masimo', name: 'Masimo', aliases: ['Masimo Corporation'] },
  {
    id: 'stryker',
    name: 'Stryker',
    aliases: ['Stryker Medical', 'Stryker Instruments', 'Physio-Control'],
    note: 'Physio-Control became part of Stryker in 2016.',
  },
  { id: 'zoll', name: 'ZOLL', aliases: ['ZOLL Medical', 'Zoll Medical Corporation'] },
  { id: 'hillrom', name: 'Hillrom', aliases: ['Hill-Rom', 'Hill-Rom Services'] },
  { id: 'welch-allyn', name: 'Welch Allyn', aliases: ['Welch-Allyn'] },
  {
    id: 'canon-medical',
    name: 'Canon Medical Systems',
    aliases: ['Canon Medical', 'Toshiba Medical Systems', 'Toshiba Medical', 'Toshiba America Medical Systems'],
    note: 'Toshiba Medical Systems became Canon Medical Systems in 2018.',
  },
  { id: 'fujifilm', name: 'Fujifilm', aliases: ['Fujifilm Healthcare', 'Fujifilm Medical Systems', 'FUJIFILM SonoSite', 'SonoSite'] },
  {
    id: 'icu-medical',
    name: 'ICU Medical',
    aliases: ['Hospira', 'Smiths Medical'],
    note: 'ICU Medical bought the Hospira infusion business (2017) and Smiths Medical (2022).',
  },
  { id: 'nihon-kohden', name: 'Nihon Kohden', aliases: ['Nihon Kohden America'] },
  { id: 'olympus', name: 'Olympus', aliases: ['Olympus Medical Systems', 'Olympus America', 'Gyrus ACMI'] },
  {
    id: 'karl-storz',
    name: 'Karl Storz',
    aliases: ['KARL STORZ SE & Co. KG', 'Storz Endoscopy'],
    note: 'Storz Medical (shockwave therapy) is a different company.',
  },
  { id: 'getinge', name: 'Getinge', aliases: ['Maquet', 'Maquet Cardiovascular', 'Pulsion Medical Systems'] },
  { id: 'hamilton-medical', name: 'Hamilton Medical', aliases: [] },
  { id: 'abbott', name: 'Abbott', aliases: ['Abbott Laboratories', 'Abbott Diagnostics', 'St. Jude Medical', 'Alere'] },
  { id: 'roche-diagnostics', name: 'Roche Diagnostics', aliases: ['Roche', 'F. Hoffmann-La Roche', 'Roche Molecular Systems'] },
  { id: 'beckman-coulter', name: 'Beckman Coulter', aliases: ['Beckman', 'Coulter'] },
  { id: 'sysmex', name: 'Sysmex', aliases: ['Sysmex America'] },
  { id: 'cardinal-health', name: 'Cardinal Health', aliases: ['Cardinal'] },
  { id: 'fresenius-medical-care', name: 'Fresenius Medical Care', aliases: ['FMC', 'NxStage Medical'] },
  { id: 'fresenius-kabi', name: 'Fresenius Kabi', aliases: [] },
  { id: 'edwards-lifesciences', name: 'Edwards Lifesciences', aliases: ['Edwards'] },
  { id: 'boston-scientific', name: 'Boston Scientific', aliases: ['Guidant'] },
  { id: 'intuitive-surgical', name: 'Intuitive Surgical', aliases: ['Intuitive'] },
  { id: 'hologic', name: 'Hologic', aliases: [] },
  { id: 'carestream', name: 'Carestream Health', aliases: ['Carestream'] },
  { id: 'natus', name: 'Natus Medical', aliases: ['Natus', 'Excel-Tech', 'Xltek'] },
  { id: 'cepheid', name: 'Cepheid', aliases: [] },
  { id: 'vyaire', name: 'Vyaire Medical', aliases: ['Vyaire'] },
  { id: 'spacelabs', name: 'Spacelabs Healthcare', aliases: ['Spacelabs', 'Spacelabs Medical'] },
  { id: 'mortara', name: 'Mortara Instrument', aliases: ['Mortara'] },
  { id: 'arjo', name: 'Arjo', aliases: ['ArjoHuntleigh', 'Arjo Huntleigh', 'Huntleigh Healthcare'] },
  { id: 'steris', name: 'STERIS', aliases: ['Steris Corporation', 'Cantel Medical'] },
  { id: 'nonin', name: 'Nonin Medical', aliases: ['Nonin'] },
  { id: 'resmed', name: 'ResMed', aliases: [] },
  { id: 'fisher-paykel', name: 'Fisher & Paykel Healthcare', aliases: ['Fisher and Paykel', 'F&P Healthcare'] },
  { id: 'terumo', name: 'Terumo', aliases: ['Terumo Medical', 'Terumo BCT'] },
  { id: 'teleflex', name: 'Teleflex', aliases: ['Arrow International'] },
  { id: 'conmed', name: 'CONMED', aliases: ['ConMed Corporation', 'Linvatec'] },
  { id: 'ambu', name: 'Ambu', aliases: ['Ambu A/S'] },
  { id: 'varian', name: 'Varian Medical Systems', aliases: ['Varian'] },
  { id: 'elekta', name: 'Elekta', aliases: [] },
  { id: 'laerdal', name: 'Laerdal Medical', aliases: ['Laerdal'] },
];

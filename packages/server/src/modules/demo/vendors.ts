/**
 * Demo vendors: manufacturers' own sales and service organisations, distributors and an equipment-rental company.
 * Company names and websites are real; account numbers, contacts, phone numbers (555-01xx) and e-mail addresses
 * (example.com) are made up.
 */
export interface DemoVendor {
  name: string;
  website: string | null;
  /** Manufacturers (catalog keys) whose devices the hospital buys from this vendor. */
  sells: readonly string[];
  role: 'manufacturer' | 'distributor' | 'rental';
  contacts: readonly { name: string; role: string }[];
}

export const DEMO_VENDORS: readonly DemoVendor[] = [
  { name: 'BD', website: 'https://www.bd.com', sells: ['bd'], role: 'manufacturer', contacts: [{ name: 'Dana Whitfield', role: 'Account executive' }, { name: 'Luis Ortega', role: 'Field service engineer' }] },
  { name: 'Philips Healthcare', website: 'https://www.philips.com/healthcare', sells: ['philips'], role: 'manufacturer', contacts: [{ name: 'Erin Schulz', role: 'Customer service manager' }, { name: 'Marcus Bell', role: 'Field service engineer' }] },
  { name: 'GE HealthCare', website: 'https://www.gehealthcare.com', sells: ['ge-healthcare'], role: 'manufacturer', contacts: [{ name: 'Priya Raman', role: 'Service contract manager' }, { name: 'Tom Kowalski', role: 'Imaging field engineer' }] },
  { name: 'Siemens Healthineers', website: 'https://www.siemens-healthineers.com', sells: ['siemens-healthineers'], role: 'manufacturer', contacts: [{ name: 'Hannah Vogel', role: 'Customer service engineer' }] },
  { name: 'Stryker', website: 'https://www.stryker.com', sells: ['stryker'], role: 'manufacturer', contacts: [{ name: 'Kevin Marsh', role: 'Account manager' }, { name: 'Alicia Gomez', role: 'ProCare service technician' }] },
  { name: 'ZOLL Medical', website: 'https://www.zoll.com', sells: ['zoll'], role: 'manufacturer', contacts: [{ name: 'Nora Fitzgerald', role: 'Territory manager' }] },
  { name: 'Baxter', website: 'https://www.baxter.com', sells: ['baxter', 'hillrom', 'welch-allyn', 'mortara'], role: 'manufacturer', contacts: [{ name: 'Greg Holloway', role: 'Infusion systems specialist' }, { name: 'Maya Chen', role: 'Technical support' }] },
  { name: 'ICU Medical', website: 'https://www.icumed.com', sells: ['icu-medical'], role: 'manufacturer', contacts: [{ name: 'Ben Okafor', role: 'Clinical account manager' }] },
  { name: 'Medtronic', website: 'https://www.medtronic.com', sells: ['medtronic'], role: 'manufacturer', contacts: [{ name: 'Sofia Marino', role: 'Service coordinator' }] },
  { name: 'Draeger', website: 'https://www.draeger.com', sells: ['draeger'], role: 'manufacturer', contacts: [{ name: 'Felix Braun', role: 'Service engineer' }] },
  { name: 'Hamilton Medical', website: 'https://www.hamilton-medical.com', sells: ['hamilton-medical'], role: 'manufacturer', contacts: [{ name: 'Ines Keller', role: 'Clinical application specialist' }] },
  { name: 'Fresenius Medical Care', website: 'https://fmcna.com', sells: ['fresenius-medical-care'], role: 'manufacturer', contacts: [{ name: 'Carl Jensen', role: 'Technical services' }] },
  { name: 'STERIS', website: 'https://www.steris.com', sells: ['steris'], role: 'manufacturer', contacts: [{ name: 'Wendy Park', role: 'Service representative' }] },
  { name: 'Roche Diagnostics', website: 'https://diagnostics.roche.com', sells: ['roche-diagnostics'], role: 'manufacturer', contacts: [{ name: 'Oliver Grant', role: 'Field service engineer' }] },
  { name: 'Abbott', website: 'https://www.abbott.com', sells: ['abbott'], role: 'manufacturer', contacts: [{ name: 'Rachel Stein', role: 'Diagnostics account manager' }] },
  { name: 'Beckman Coulter', website: 'https://www.beckman.com', sells: ['beckman-coulter'], role: 'manufacturer', contacts: [{ name: 'Victor Huang', role: 'Field service engineer' }] },
  { name: 'Sysmex America', website: 'https://www.sysmex.com/us', sells: ['sysmex'], role: 'manufacturer', contacts: [{ name: 'Julia Romano', role: 'Technical support' }] },
  { name: 'Medline Industries', website: 'https://www.medline.com', sells: [], role: 'distributor', contacts: [{ name: 'Andre Collins', role: 'Capital equipment representative' }] },
  { name: 'Owens & Minor', website: 'https://www.owens-minor.com', sells: [], role: 'distributor', contacts: [{ name: 'Leah Morgan', role: 'Account representative' }] },
  { name: 'Cardinal Health', website: 'https://www.cardinalhealth.com', sells: ['cardinal-health'], role: 'distributor', contacts: [{ name: 'Scott Rivera', role: 'Account manager' }] },
  { name: 'Henry Schein Medical', website: 'https://www.henryschein.com', sells: [], role: 'distributor', contacts: [{ name: 'Tina Brooks', role: 'Equipment specialist' }] },
  { name: 'Agiliti', website: 'https://www.agilitihealth.com', sells: [], role: 'rental', contacts: [{ name: 'Paul Dawson', role: 'Rental coordinator' }, { name: 'Kim Nguyen', role: 'On-site technician' }] },
];

/** The made-up telephone number of the nth vendor record: 555-0100 to 555-0199 are reserved for fiction. */
export function demoPhone(n: number): string {
  return `+1-312-555-01${String(n % 100).padStart(2, '0')}`;
}

/** A made-up e-mail address for a person or desk at a vendor. */
export function demoEmail(local: string, vendor: string): string {
  const domain = vendor.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${local.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@${domain}.example.com`;
}

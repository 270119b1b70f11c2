import type { SearchProvider } from '../search/providers.ts';
import { hydrateReferences } from './queries.ts';
import { searchDevices } from './search.ts';

/** Devices in the global search box: the device search's best matches, by asset tag with model and facility. */
export const deviceSearchProvider: SearchProvider = {
  action: 'inventory.read',
  async search(trx, q, limit, auth) {
    const page = await searchDevices(trx, auth, q, {}, { limit });
    const names = await hydrateReferences(trx, page.items);
    return page.items.map((row) => {
      const model = names.models.get(row.model_id);
      const facility = names.facilities.get(row.facility_id);
      const what = [names.manufacturers.get(row.manufacturer_id), model?.name ?? model?.modelNumber].filter(Boolean).join(' ');
      return {
        kind: 'device',
        id: row.id,
        title: row.asset_tag,
        subtitle: [what, row.serial_number && `SN ${row.serial_number}`, facility?.code].filter(Boolean).join(' · ') || null,
        href: `/devices/${row.id}`,
      };
    });
  },
};

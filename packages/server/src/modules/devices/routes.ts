import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authOf } from '../../http/auth.ts';
import { snapshotFor, tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf, PageQuery } from '../../http/pagination.ts';
import { createDevice } from './create-device.ts';
import { loadDevicePage } from './device-page.ts';
import { EXPORT_TYPES, exportCsv, exportFileName, exportXlsx } from './export.ts';
import { lookupCode, LookupOut } from './lookup.ts';
import { presentDeviceDetail, presentDeviceSummary } from './presenter.ts';
import { hydrateReferences, listDevices } from './queries.ts';
import { attachmentRoutes } from './routes-attachments.ts';
import { lifecycleRoutes } from './routes-lifecycle.ts';
import { savedViewRoutes } from './routes-saved-views.ts';
import { DeviceCreate, DeviceUpdate, IdParams } from './schema.ts';
import { DeviceDetail, DeviceSummary } from './schema-out.ts';
import { DeviceListQuery, ExportQuery } from './schema-query.ts';
import { InventorySummary, inventorySummary, SummaryQuery } from './summary.ts';
import { sharedCounts } from './summary-cache.ts';
import { deviceTimeline, type TimelineItem } from './timeline.ts';
import { updateDevice } from './update-device.ts';
import { TIMELINE_SOURCES } from './timeline-sources.ts';

const tags = ['devices'];

/** Dashboard counts, shared between concurrent requests and kept for a while when slow to count (summary-cache.ts). */
const summaryCounts = sharedCounts<InventorySummary>();

const TimelineItemOut = Type.Object(
  {
    id: Type.String({ description: '<source>:<id>' }),
    source: Type.String({ description: 'event (lifecycle), audit (record changes), attachment; later modules add theirs' }),
    kind: Type.String(),
    occurredAt: Type.String({ description: 'ISO 8601, microseconds' }),
    actor: Type.Union([Type.String(), Type.Null()]),
    summary: Type.String({ description: 'One line for the timeline' }),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'DeviceTimelineItem' },
);

/** The device API: inventory list and search, the device page, edits, export, scan lookup and history. */
export const deviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/devices',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'List and search devices',
        description:
          'The inventory, filtered on the server (facility, department, type, manufacturer, model, status, risk, strategy, ' +
          'ownership, connected) and limited to the facilities of the caller. q searches asset tag, serial number, model, ' +
          'manufacturer and device type, tolerating typos: exact asset tag or serial matches first, then the most similar ' +
          '(searchScore). Keyset pagination: pass nextCursor as cursor.',
        querystring: DeviceListQuery,
        response: { 200: pageOf(DeviceSummary) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return tx(request, async (trx) => {
        const page = await listDevices(trx, auth, request.query);
        const names = await hydrateReferences(trx, page.items);
        return { items: page.items.map((row) => presentDeviceSummary(row, names)), nextCursor: page.nextCursor };
      });
    },
  );

  app.post(
    '/devices',
    {
      config: { action: 'device.write' },
      schema: {
        tags,
        summary: 'Add a device to the inventory',
        description:
          'Manufacturer and device type come from the model. The UDI is parsed and its check digits verified (400 names ' +
          '/body/udi); building, department and room must belong to the facility. A duplicate asset tag, or serial number ' +
          'of the same model, is 409. Risk inputs default from the device type and are scored with the tenant risk policy.',
        body: DeviceCreate,
        response: { 201: DeviceDetail },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const device = await tx(request, async (trx) => presentDeviceDetail(await loadDevicePage(trx, auth, await createDevice(trx, auth, request.body))));
      setEtag(reply, device.version);
      return reply.status(201).header('location', `/api/v1/devices/${device.id}`).send(device);
    },
  );

  app.get(
    '/devices/export',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Export the devices of the current filter (CSV or XLSX)',
        description:
          'Streams every device the list filters (and q) select, in asset-tag order, as CSV (UTF-8 with BOM) or XLSX, with ' +
          'constant memory whatever the size. Headers are the import field labels, so an export imports again.',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const { format = 'csv', ...filters } = request.query;
      const run = snapshotFor(request, reply);
      const failed = (error: unknown) =>
        (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE'
          ? request.log.info('device export ended by the client')
          : request.log.error({ err: error }, 'device export failed');
      const stream = format === 'xlsx' ? exportXlsx(run, auth, filters, failed) : exportCsv(run, auth, filters, failed);
      return reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', `attachment; filename="${exportFileName(format)}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/devices/summary',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Inventory counts for a dashboard',
        description:
          'Counts of the devices the caller may see (the facility scope of the list): the total, per lifecycle status ' +
          '(every status, zero included), high risk, per maintenance strategy (manufacturer, AEM, not decided), per ' +
          'ownership, connected, under warranty, and per facility (every facility the caller may see, none left out). ' +
          'facilityId narrows it to those facilities, as on the list.',
        querystring: SummaryQuery,
        response: { 200: InventorySummary },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const scope = auth.facilityIds === null ? 'all' : [...auth.facilityIds].sort().join(',');
      const key = `${auth.tenantId}|${scope}|${[...(request.query.facilityId ?? [])].sort().join(',')}`;
      return summaryCounts(key, () => tx(request, (trx) => inventorySummary(trx, auth, request.query)));
    },
  );

  app.get(
    '/devices/lookup',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Find the device a scanned barcode or typed code names',
        description:
          'code is an asset tag or a UDI (GS1 with or without symbology identifier and GS separators, HIBCC, ICCBBA). ' +
          'Answers match=device with the device, match=multiple (a UDI-DI shared by several devices and no serial), or ' +
          'match=none with a prefill for a new-device form (UDI parts, and the model whose UDI-DI it is). Every problem ' +
          'found in the code (e.g. a wrong check digit) is listed under scan.problems.',
        querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 4096, description: 'Scanned or typed text' }) }),
        response: { 200: LookupOut },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return tx(request, async (trx) => {
        const found = await lookupCode(trx, auth, request.query.code);
        const names = await hydrateReferences(trx, found.rows);
        const summaries = found.rows.map((row) => presentDeviceSummary(row, names));
        return {
          match: found.match,
          scan: found.scan,
          ...(found.match === 'device' && { device: summaries[0] }),
          ...(found.match === 'multiple' && { devices: summaries }),
          ...(found.prefill && { prefill: found.prefill }),
        };
      });
    },
  );

  app.get(
    '/devices/:id',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'The device page: everything about one device',
        description:
          'Identity, model with FDA classification, manufacturer, type, location names, ownership and acquisition, ' +
          'warranty, network, risk assessment (with reasons and any override), maintenance strategy decision, the ' +
          'statuses it may move to, attachment count and latest lifecycle events. The ETag is the version for If-Match.',
        params: IdParams,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const device = await tx(request, async (trx) => presentDeviceDetail(await loadDevicePage(trx, auth, request.params.id)));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.patch(
    '/devices/:id',
    {
      config: { action: 'device.write' },
      schema: {
        tags,
        summary: 'Change a device (If-Match required)',
        description:
          'Send If-Match with the ETag read. When someone else changed the device meanwhile, 412 carries currentVersion ' +
          'and current (the device page as it is now) so that the change can be shown. A new model brings its manufacturer ' +
          'and type; a new type resets the risk inputs to its own. Status changes go through /transitions.',
        params: IdParams,
        body: DeviceUpdate,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const device = await tx(request, async (trx) => {
        await updateDevice(trx, auth, request.params.id, version, request.body);
        return presentDeviceDetail(await loadDevicePage(trx, auth, request.params.id));
      });
      setEtag(reply, device.version);
      return device;
    },
  );

  app.get(
    '/devices/:id/timeline',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'The history of a device, newest first',
        description:
          'Lifecycle events (transitions, incoming inspection, risk and strategy decisions), every recorded change of the ' +
          'device record (audit trail) and attachments, merged newest first. Pass nextCursor as cursor for older entries.',
        params: IdParams,
        querystring: Type.Omit(PageQuery, ['sort']),
        response: { 200: pageOf(TimelineItemOut) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const page = await tx(request, (trx) => deviceTimeline(trx, auth, TIMELINE_SOURCES, request.params.id, request.query));
      return { items: page.items satisfies TimelineItem[], nextCursor: page.nextCursor };
    },
  );

  await app.register(lifecycleRoutes);
  await app.register(attachmentRoutes);
  await app.register(savedViewRoutes);
};

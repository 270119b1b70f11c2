import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../helpers/app.ts';
import { countRows, expectProblem } from '../../helpers/http.ts';
import { api, createDeviceWorld, type DeviceWorld } from './fixture.ts';

let w: DeviceWorld;
let dataDir: string;
let deviceA: string;
let deviceB: string;

/** A small but well-formed PDF document. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** The start of a Windows executable (DOS header "MZ" and the PE signature it points to). */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), randomBytes(512)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89', 'latin1'), Buffer.alloc(64)]);

function multipart(file: { filename: string; contentType: string; data: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----htm${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(session: Session, deviceId: string, file: Parameters<typeof multipart>[0], fields?: Record<string, string>) {
  const body = multipart(file, fields);
  return w.t.app.inject({ method: 'POST', url: `/api/v1/devices/${deviceId}/attachments`, headers: { ...session.headers, ...body.headers }, payload: body.payload });
}

/** Every file under the tenant's attachment folder, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const dir = path.join(dataDir, 'attachments', w.tenant.id);
  return fs.readdir(dir).catch(() => []);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'htm-attachments-'));
  w = await createDeviceWorld('devfiles', { dataDir });
  const admin = api(w, w.sessions.admin);
  deviceA = (await admin.post('/devices', { assetTag: 'FILE-A', modelId: w.pumpModel.id, facilityId: w.facilityA })).json().id;
  deviceB = (await admin.post('/devices', { assetTag: 'FILE-B', modelId: w.pumpModel.id, facilityId: w.facilityB })).json().id;
});
afterAll(async () => {
  await w.t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('device attachments', () => {
  it('stores a PDF under the data directory with its sha256, and serves it back', async () => {
    const response = await upload(w.sessions.technician, deviceA, { filename: 'service report.pdf', contentType: 'application/pdf', data: PDF }, { description: 'Vendor service report' });
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json();
    expect(attachment).toMatchObject({
      deviceId: deviceA,
      fileName: 'service report.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      description: 'Vendor service report',
      uploadedBy: w.tenant.users.technician.id,
    });
    expect(await fs.readFile(path.join(dataDir, 'attachments', w.tenant.id, attachment.id))).toEqual(PDF);
    expect(await filesOnDisk()).toEqual([attachment.id]);

    const download = await w.t.app.inject({ method: 'GET', url: attachment.contentUrl, headers: w.sessions.auditor.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`inline; filename="service report.pdf"; filename*=UTF-8''service%20report.pdf`);
    expect(download.rawPayload).toEqual(PDF);

    const list = await api(w, w.sessions.clinician).get(`/devices/${deviceA}/attachments`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([attachment.id]);
    const page = await api(w, w.sessions.clinician).get(`/devices/${deviceA}`);
    expect(page.json().attachmentsCount).toBe(1);
    const timeline = (await api(w, w.sessions.clinician).get(`/devices/${deviceA}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ source: 'attachment', summary: 'Attached service report.pdf', actor: w.tenant.users.technician.email });
  });

  it('takes plain text by its bytes and names it as such', async () => {
    const response = await upload(w.sessions.technician, deviceA, { filename: 'notes.txt', contentType: 'application/octet-stream', data: Buffer.from('Flow sensor replaced, tested OK.\n') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().contentType).toBe('text/plain');
    const download = await w.t.app.inject({ method: 'GET', url: response.json().contentUrl, headers: w.sessions.admin.headers });
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="notes.txt"/);
  });

  it('refuses an executable renamed .pdf with 415, leaving no file and no row', async () => {
    const before = await filesOnDisk();
    const rows = await countRows(w.t.db.owner, 'attachments', w.tenant.id);
    const response = await upload(w.sessions.technician, deviceA, { filename: 'invoice.pdf', contentType: 'application/pdf', data: EXE });
    const problem = expectProblem(response, 415, 'unsupported_media_type');
    expect(problem.detail).toMatch(/EXE/);
    expect(await filesOnDisk()).toEqual(before);
    expect(await countRows(w.t.db.owner, 'attachments', w.tenant.id)).toBe(rows);
  });

  it('refuses content that contradicts the file name (a PNG named .pdf) and unrecognised binary data', async () => {
    const before = await filesOnDisk();
    expect(expectProblem(await upload(w.sessions.technician, deviceA, { filename: 'scan.pdf', contentType: 'application/pdf', data: PNG }), 415).detail).toContain('.pdf');
    expectProblem(await upload(w.sessions.technician, deviceA, { filename: 'blob.bin', contentType: 'application/octet-stream', data: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) }), 415);
    expect(await filesOnDisk()).toEqual(before);
  });

  it('refuses a file over 25 MB with 413 and leaves nothing on disk', async () => {
    const before = await filesOnDisk();
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 1, 0x20)]);
    const response = await upload(w.sessions.technician, deviceA, { filename: 'huge.pdf', contentType: 'application/pdf', data: big });
    expectProblem(response, 413, 'payload_too_large');
    expect(await filesOnDisk()).toEqual(before);
  });

  it('keeps attachments within roles and facility scope', async () => {
    expectProblem(await upload(w.sessions.clinician, deviceA, { filename: 'a.pdf', contentType: 'application/pdf', data: PDF }), 403);
    expectProblem(await upload(w.sessions.scopedTechnician, deviceB, { filename: 'b.pdf', contentType: 'application/pdf', data: PDF }), 404);
    const inB = await upload(w.sessions.admin, deviceB, { filename: 'b.pdf', contentType: 'application/pdf', data: PDF });
    expect(inB.statusCode).toBe(201);
    const scoped = api(w, w.sessions.scopedTechnician);
    expectProblem(await scoped.get(`/attachments/${inB.json().id}`), 404);
    expectProblem(await w.t.app.inject({ method: 'GET', url: inB.json().contentUrl, headers: w.sessions.scopedTechnician.headers }), 404);
    expectProblem(await scoped.delete(`/attachments/${inB.json().id}`), 404);
  });

  it('deletes an attachment with its file', async () => {
    const created = (await upload(w.sessions.technician, deviceA, { filename: 'photo.pdf', contentType: 'application/pdf', data: PDF })).json();
    expect(await filesOnDisk()).toContain(created.id);
    const deleted = await api(w, w.sessions.technician).delete(`/attachments/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await filesOnDisk()).not.toContain(created.id);
    expectProblem(await api(w, w.sessions.technician).get(`/attachments/${created.id}`), 404);
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeBarcodeVideo } from './barcode-video';
import { ADMIN, csrfToken, screenshot, signIn, unique } from './helpers';

interface DeviceRow {
  id: string;
  assetTag: string;
  serialNumber: string | null;
  udiDi: string | null;
  status: string;
  version: number;
  manufacturer: { name: string };
  model: { modelNumber: string };
}

/** Devices as the API lists them, for choosing test subjects that the demo data is sure to have. */
async function devices(page: Page, query: string): Promise<DeviceRow[]> {
  const response = await page.request.get(`/api/v1/devices?${query}`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: DeviceRow[] }).items;
}

/** A 1×1 PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function firstFacilityId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/facilities?limit=1&sort=code');
  return ((await response.json()) as { items: Array<{ id: string }> }).items[0]!.id;
}

/** A typo people make: one letter of the word typed twice ("Baxter" → "Baxxter"). */
const typoOf = (word: string) => word.slice(0, 3) + word[2] + word.slice(3);

// Each test signs in and walks several pages of a 5,000-device demo; on a busy machine that takes a while.
test.describe.configure({ timeout: 120_000 });

/** Waits until a device list request with these words in its URL has been answered and its rows are shown. */
async function listAnswered(page: Page, ...parts: string[]) {
  await page.waitForResponse((response) => response.url().includes('/api/v1/devices?') && parts.every((part) => response.url().includes(part)));
  await expect(page.getByRole('table', { name: 'Devices' })).not.toHaveAttribute('aria-busy', 'true');
}

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('list → filter → search with a typo → device page → change status → timeline', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/devices');
  const table = page.getByRole('table', { name: 'Devices' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).click();
  const filtered = listAnswered(page, 'status=in_service');
  await page.getByRole('option', { name: 'In service', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=in_service/);
  await filtered;

  // The CSV export follows the filter.
  await page.getByRole('button', { name: 'Export' }).click();
  const csv = page.getByRole('menuitem', { name: /CSV/ });
  await expect(csv).toHaveAttribute('href', /\/api\/v1\/devices\/export\?status=in_service&format=csv/);
  await page.keyboard.press('Escape');

  // A manufacturer whose name has a word long enough for a typo to stay recognisable.
  const candidates = await devices(page, 'status=in_service&limit=200');
  const subject = candidates.find((device) => device.manufacturer.name.split(/\s+/)[0]!.length >= 5)!;
  const word = subject.manufacturer.name.split(/\s+/)[0]!;
  const searched = listAnswered(page, `q=${typoOf(word)}`, 'status=in_service');
  await page.getByRole('textbox', { name: 'Search devices' }).fill(typoOf(word));
  await expect(page).toHaveURL(new RegExp(`q=${typoOf(word)}`));
  await searched;
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow).toContainText(word);

  const assetTag = (await firstRow.locator('td').first().locator('.mono').textContent())!.trim();
  await firstRow.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(assetTag);
  await expect(page.getByText('In service', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Change status' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'New status', 'Out of service');
  await choose(page, 'Why is it out of service?', 'In repair');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Occlusion alarm fails to sound (e2e)');
  await dialog.getByRole('button', { name: 'Mark out of service' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Out of service · In repair').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('device-timeline');
  await expect(timeline.getByText('Out of service · In repair').first()).toBeVisible();
  await expect(timeline.getByText('Occlusion alarm fails to sound (e2e)')).toBeVisible();
});

test('an illegal move is not offered, and the reason a status needs is asked for', async ({ page }) => {
  await signIn(page, ADMIN);
  const [device] = await devices(page, 'status=in_service&limit=1&sort=-assetTag');
  await page.goto(`/devices/${device!.id}?tab=lifecycle`);
  await page.getByRole('button', { name: 'Retired', exact: true }).click();
  const dialog = page.getByRole('dialog');
  // In service may go out of service or be retired; nothing from the acquisition phase is offered.
  await page.getByRole('combobox', { name: 'New status' }).click();
  await expect(page.getByRole('option', { name: 'Ordered' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('x');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('');
  await expect(dialog.getByText(/A reason is required to mark a device retired/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('create a device', async ({ page }) => {
  await signIn(page, ADMIN);
  const [model] = ((await (await page.request.get('/api/v1/models?limit=1')).json()) as { items: Array<{ modelNumber: string }> }).items;
  const assetTag = `E2E-${unique()}`.toUpperCase();

  await page.goto('/devices');
  await page.getByRole('link', { name: 'New device' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New device');
  await page.getByRole('textbox', { name: 'Asset tag' }).fill(assetTag);
  await page.getByRole('textbox', { name: 'Serial number' }).fill(`SN-${assetTag}`);
  await page.getByRole('combobox', { name: 'Model' }).fill(model!.modelNumber);
  await page.getByRole('option', { name: new RegExp(model!.modelNumber) }).first().click();
  await choose(page, 'Facility', /Riverside General Hospital/);
  await choose(page, 'Department', /./);
  await page.getByRole('textbox', { name: 'IP address' }).fill('10.1.2.300');
  await expect(page.getByText('Not an IPv4 or IPv6 address')).toBeVisible();
  await page.getByRole('textbox', { name: 'IP address' }).fill('10.1.2.30');
  await page.getByRole('button', { name: 'Add device' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(assetTag);
  await expect(page.getByText('Received', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('10.1.2.30')).toBeVisible();
});

test('scan: a typed asset tag opens its device', async ({ page }) => {
  await signIn(page, ADMIN);
  const [device] = await devices(page, 'limit=1&sort=assetTag');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scan');
  await page.getByRole('textbox', { name: /type, paste or use a barcode scanner/ }).fill(device!.assetTag);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/devices/${device!.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(device!.assetTag);
});

test('scan: a GS1 UDI of no device opens a pre-filled new-device form', async ({ page }) => {
  await signIn(page, ADMIN);
  const serial = `SN${unique()}`.toUpperCase();
  const udi = `(01)09506000134352(17)301231(10)LOT42(21)${serial}`;
  await page.goto('/scan');
  await page.getByRole('textbox', { name: /type, paste or use a barcode scanner/ }).fill(udi);
  await expect(page.getByTestId('udi-preview')).toContainText('Valid UDI');
  await page.keyboard.press('Enter');
  const result = page.getByTestId('scan-result');
  await expect(result).toContainText('No device with this code');
  await expect(result).toContainText('09506000134352');
  await expect(result).toContainText(serial);
  await result.getByRole('link', { name: 'Create device' }).click();

  await expect(page).toHaveURL(/\/devices\/new\?/);
  await expect(page.getByRole('textbox', { name: 'UDI' })).toHaveValue(udi);
  await expect(page.getByRole('textbox', { name: 'Serial number' })).toHaveValue(serial);
  await expect(page.getByText('Filled in from the scanned label')).toBeVisible();
});

test('a UDI with a wrong check digit is flagged while typing', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/scan');
  await page.getByRole('textbox', { name: /type, paste or use a barcode scanner/ }).fill('(01)09506000134353(21)X1');
  await expect(page.getByTestId('udi-preview')).toContainText('UDI with problems');
  await expect(page.getByTestId('udi-preview')).toContainText(/check digit/i);
});

test('two people editing one device: the second sees the change and re-applies theirs', async ({ page }) => {
  await signIn(page, ADMIN);
  const [device] = await devices(page, 'status=retired&limit=1');
  await page.goto(`/devices/${device!.id}?tab=edit`);
  await page.getByRole('textbox', { name: 'Notes' }).fill('Mine: keep in the biomed shop');

  // Someone else changes the location note meanwhile.
  const current = (await (await page.request.get(`/api/v1/devices/${device!.id}`)).json()) as { version: number };
  const other = await page.request.patch(`/api/v1/devices/${device!.id}`, {
    headers: { 'x-csrf-token': await csrfToken(page), 'if-match': `"v${current.version}"` },
    data: { locationNote: 'Theirs: moved to storage B' },
  });
  expect(other.ok()).toBeTruthy();

  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByTestId('edit-conflict');
  await expect(conflict).toContainText('Someone else changed this device');
  await expect(conflict).toContainText('Theirs: moved to storage B');
  await conflict.getByRole('button', { name: 'Re-apply my changes on it' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByText('Mine: keep in the biomed shop')).toBeVisible();
  await expect(page.getByText('Theirs: moved to storage B')).toBeVisible();
});

test('attachments: upload a photo, refuse a disguised file, delete', async ({ page }) => {
  await signIn(page, ADMIN);
  const [device] = await devices(page, 'status=in_service&limit=1&sort=-updatedAt&facilityId=' + (await firstFacilityId(page)));
  await page.goto(`/devices/${device!.id}?tab=attachments`);
  const photo = { name: 'label-photo.png', mimeType: 'image/png', buffer: TINY_PNG };
  const disguised = { name: 'service-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this is a program, not a PDF') };
  await page.getByTestId('attachment-dropzone').locator('input[type=file]').setInputFiles([photo, disguised]);

  await expect(page.getByRole('alert').filter({ hasText: 'service-report.pdf' })).toContainText('Not accepted');
  const list = page.getByRole('list', { name: 'Attachments' });
  await expect(list.getByRole('link', { name: 'label-photo.png', exact: true })).toBeVisible();
  await expect(list).toContainText('PNG image');

  await list.getByRole('button', { name: 'Delete label-photo.png' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('link', { name: 'label-photo.png', exact: true })).toHaveCount(0);
});

test('saved views keep a filter', async ({ page }) => {
  await signIn(page, ADMIN);
  const name = `Connected pumps ${unique()}`;
  await page.goto('/devices?connected=true&highRisk=true');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current filters…' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText(`View “${name}” saved`)).toBeVisible();

  await page.goto('/devices');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page).toHaveURL(/connected=true/);
  await expect(page).toHaveURL(/highRisk=true/);
});

const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

for (const size of SIZES) {
  test(`devices list and device page at ${size.name} size`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await signIn(page, ADMIN);
    await page.goto('/devices');
    await expect(page.getByText(/^[A-Z]{3}-\d{6}$/).first()).toBeVisible({ timeout: 30_000 });
    await screenshot(page, `${size.name}-devices`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    const [device] = await devices(page, 'connected=true&highRisk=true&limit=1');
    await page.goto(`/devices/${device!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(device!.assetTag);
    await screenshot(page, `${size.name}-device`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: 'Risk & strategy' }).click();
    await expect(page.getByTestId('risk-score')).toBeVisible();
    await screenshot(page, `${size.name}-device-risk`);
    await page.goto('/scan');
    await screenshot(page, `${size.name}-scan`);
  });
}

test('scan with the camera: a barcode the camera reads opens its device', async ({ playwright, baseURL }) => {
  // A browser of its own, whose fake camera plays a video of a QR code with the asset tag of a demo device.
  const video = test.info().outputPath('asset-tag-qr.y4m');
  mkdirSync(path.dirname(video), { recursive: true });
  writeBarcodeVideo(video, 'RGH-000001');
  const browser = await playwright.chromium.launch({
    executablePath: process.env.HTM_CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await (await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'en-GB' })).newPage();
    await signIn(page, ADMIN);
    await page.goto('/scan');
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(page).toHaveURL(/\/devices\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('RGH-000001');
  } finally {
    await browser.close();
  }
});

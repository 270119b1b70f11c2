import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, nav, screenshot, signIn, unique } from './helpers';

// Each test signs in and walks through several pages against the real server; on a loaded machine that takes a while.
test.describe.configure({ timeout: 120_000 });

/** Writes a file for the upload under the OS temp directory and returns its path. */
async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openhtm-import-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

/** Three devices of the demo catalog in Riverside General's Cardiac ICU; `manufacturer` goes on the second row. */
function inventoryCsv(prefix: string, { manufacturer = 'Medtronic', facilityHeader = 'Facility' } = {}): string {
  return [
    `Asset Tag,Serial Number,Manufacturer,Model,${facilityHeader},Department,Acquisition Date,Cost`,
    `${prefix}-1,SN-${prefix}-1,BD,8015,RGH,Cardiac ICU,2021-03-04,1200.00`,
    `${prefix}-2,SN-${prefix}-2,${manufacturer},840,RGH,Cardiac ICU,2020-05-06,45000`,
    `${prefix}-3,SN-${prefix}-3,Baxter,35700BAX3,RGH,Cardiac ICU,2022-01-10,3100`,
    '',
  ].join('\r\n');
}

/** The asset tags of the devices whose tag starts with `prefix`, as the API lists them. */
async function assetTags(page: Page, prefix: string): Promise<string[]> {
  const response = await page.request.get(`/api/v1/devices?q=${encodeURIComponent(prefix)}&limit=50`);
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { items: Array<{ assetTag: string }> };
  return body.items.map((device) => device.assetTag).filter((tag) => tag.startsWith(prefix)).sort();
}

async function upload(page: Page, file: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Import devices' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import devices');
  await page.locator('input[type=file]').setInputFiles(file);
}

async function pageScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

test('a file with one bad row: the dry run names exactly that row, and the good rows import', async ({ page }) => {
  const prefix = `IMP${unique()}`.toUpperCase();
  await signIn(page, ADMIN);
  await upload(page, await tempFile('inventory.csv', inventoryCsv(prefix, { manufacturer: 'Medtronik' })));

  // Step 2: what the file is, and the columns mapped from its headers.
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('file-facts')).toContainText('CSV');
  await expect(page.getByTestId('file-facts')).toContainText('UTF-8');
  await expect(page.getByRole('combobox', { name: 'Column for Asset tag' })).toHaveValue('Asset Tag');
  await expect(page.getByRole('combobox', { name: 'Column for Model number' })).toHaveValue('Model');
  await page.getByRole('button', { name: 'Check the file' }).click();

  // Step 3: one row with one error, the unknown manufacturer, with the one it resembles.
  await expect(page.getByTestId('count-rows')).toContainText('3');
  await expect(page.getByTestId('count-errors')).toContainText('1');
  await expect(page.getByTestId('count-ok')).toContainText('2');
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row')).toHaveCount(2); // the header and one problem
  const problem = problems.getByRole('row').nth(1);
  await expect(problem).toContainText('3');
  await expect(problem).toContainText('Manufacturer');
  await expect(problem).toContainText('Medtronik');
  await expect(problem).toContainText('did you mean Medtronic?');
  await expect(page.getByTestId('commit-all')).toBeDisabled();
  await pageScreenshot(page, 'desktop-import-problems');

  // Nothing was written by the check.
  expect(await assetTags(page, prefix)).toEqual([]);

  // Step 4: the rows without errors, on confirmation.
  await page.getByTestId('commit-good-rows').click();
  const dialog = page.getByRole('dialog', { name: 'Import 2 of 3 rows?' });
  await expect(dialog).toContainText('The row with errors is left out.');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-result')).toContainText('2 devices added, 0 updated, 1 row with errors left out');
  expect(await assetTags(page, prefix)).toEqual([`${prefix}-1`, `${prefix}-3`]);
});

test('a column the headers do not name is mapped by hand; the clean file then imports in full', async ({ page }) => {
  const prefix = `MAP${unique()}`.toUpperCase();
  await signIn(page, ADMIN);
  await upload(page, await tempFile('site-export.csv', inventoryCsv(prefix, { facilityHeader: 'Site Code' })));

  const facility = page.getByRole('combobox', { name: 'Column for Facility' });
  await expect(facility).toHaveValue('');
  await expect(page.getByText('Left out: “Site Code”')).toBeVisible();
  await facility.click();
  await page.getByRole('option', { name: 'Site Code' }).click();
  await expect(page.getByText('e.g. “RGH”, “RGH”, “RGH”')).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();

  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(page.getByTestId('count-create')).toContainText('3');
  await page.getByTestId('commit-all').click();
  await page.getByRole('dialog', { name: 'Import 3 rows?' }).getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 devices added, 0 updated');
  expect(await assetTags(page, prefix)).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);

  // The import is in the history, with what it did.
  await nav(page).getByRole('link', { name: 'Import devices' }).click();
  await expect(page.getByRole('table', { name: 'Import history' }).getByRole('row', { name: /site-export\.csv/ }).first()).toContainText('3 added, 0 updated');
});

test('a binary file is refused with a message that says what it is', async ({ page }) => {
  await signIn(page, ADMIN);
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await upload(page, await tempFile('inventory.csv', bytes));
  await expect(page.getByTestId('upload-error')).toContainText('inventory.csv holds binary data, not CSV text or an Excel (.xlsx) workbook');
  await upload(page, await tempFile('old-inventory.xls', 'whatever'));
  await expect(page.getByTestId('upload-error')).toContainText('Excel 97–2003');
});

test('a new manufacturer that resembles an existing one is answered with the existing one', async ({ page }) => {
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Manufacturers' }).click();
  await page.getByRole('button', { name: 'Add manufacturer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a manufacturer' });
  await dialog.getByLabel('Name').fill('Baxtor Healthcare');
  await expect(dialog.getByText('Similar: Baxter')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add manufacturer' }).click();

  await expect(dialog.getByText('This looks like a manufacturer you already have')).toBeVisible();
  await expect(dialog.getByTestId('manufacturer-suggestion').first()).toContainText('Baxter');
  await expect(dialog.getByRole('button', { name: /create anyway/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Use Baxter' }).click();
  await expect(page).toHaveURL(/\/manufacturers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Baxter');
});

test("a device type's EM number follows its risk inputs as they are chosen", async ({ page }) => {
  const name = `Test pump ${unique()}`;
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Device types' }).click();
  await page.getByRole('button', { name: 'Add device type' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device type' });
  await dialog.getByLabel('Name').fill(name);
  // Patient-related (2) + no significant risk (1) + average maintenance (3) + average history (0).
  await expect(dialog.getByTestId('risk-score')).toHaveText('6');
  await dialog.getByRole('combobox', { name: 'Equipment function' }).click();
  await page.getByRole('option', { name: 'Surgical and intensive care (+9)' }).click();
  await expect(dialog.getByTestId('risk-score')).toHaveText('13');
  await expect(dialog.getByLabel('Risk preview')).toContainText('High-risk');
  await dialog.getByRole('button', { name: 'Add device type' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('risk-score')).toHaveText('13');
  await page.getByRole('combobox', { name: 'Physical risk' }).click();
  await page.getByRole('option', { name: 'Patient death (+5)' }).click();
  await expect(page.getByTestId('risk-score')).toHaveText('17');
  await expect(page.getByTestId('risk-score-change')).toHaveText('was 13');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${name} now scores 17.`)).toBeVisible();
  await expect(page.getByTestId('risk-score-change')).toHaveCount(0);
});

for (const size of [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test('the models list fits the screen', async ({ page }) => {
      await signIn(page, ADMIN);
      await page.goto('/models');
      await expect(page.getByText('Alaris PC Unit').first()).toBeVisible();
      await pageScreenshot(page, `${size.name}-models`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('at phone size the import problem report reads as cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const prefix = `PH${unique()}`.toUpperCase();
  await signIn(page, ADMIN);
  await page.goto('/imports');
  await page.locator('input[type=file]').setInputFiles(await tempFile('inventory.csv', inventoryCsv(prefix, { manufacturer: 'Medtronik' })));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('count-errors')).toContainText('1');
  const cards = page.getByRole('list', { name: 'Problems' });
  await expect(cards.getByRole('listitem')).toHaveCount(1);
  await expect(cards).toContainText('Line 3 · Manufacturer');
  await pageScreenshot(page, 'phone-import-problems');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

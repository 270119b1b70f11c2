import { expect, test } from '@playwright/test';
import { ADMIN, nav, signIn, unique } from './helpers';

// Each test walks through several pages against the real server; on a loaded machine that takes a while.
test.describe.configure({ timeout: 120_000 });

test('a model is added with its manufacturer and type searched for, changed on its page, and deleted', async ({ page }) => {
  const modelNumber = `E2E-${unique()}`.toUpperCase();
  await signIn(page, ADMIN);
  await page.goto('/models/new');
  await page.getByRole('combobox', { name: 'Manufacturer' }).fill('Baxt');
  await page.getByRole('option', { name: 'Baxter', exact: true }).click();
  await page.getByLabel('Model number').fill(modelNumber);
  await page.getByRole('combobox', { name: 'Device type' }).fill('syringe');
  await page.getByRole('option', { name: 'Infusion pump, syringe' }).click();
  await page.getByRole('button', { name: 'Add model' }).click();

  await expect(page).toHaveURL(/\/models\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(modelNumber);
  await expect(page.getByRole('link', { name: 'Infusion pump, syringe' })).toBeVisible();
  // The pickers of the saved model show its manufacturer and type without a search.
  await expect(page.getByRole('combobox', { name: 'Manufacturer' })).toHaveValue('Baxter');
  await expect(page.getByRole('combobox', { name: 'Device type' })).toHaveValue('Infusion pump, syringe');

  await page.getByLabel('Expected life').fill('12');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Baxter ${modelNumber} is up to date.`)).toBeVisible();
  await expect(page.getByText('12 years').first()).toBeVisible();
  const history = page.getByLabel('Record history');
  await expect(history).toContainText('Changed');
  await expect(history).toContainText('Created');
  // The history says what ids and codes stand for, never a raw id or stored code.
  await expect(history).toContainText('Baxter');
  await expect(history).toContainText('Infusion pump, syringe');
  await expect(history).toContainText('Entered by hand');
  await expect(history).toContainText('12 years');
  await expect(history).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this model?' });
  await dialog.getByRole('button', { name: 'Delete model' }).click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByText('Model deleted')).toBeVisible();
  const response = await page.request.get(`/api/v1/models?q=${encodeURIComponent(modelNumber)}`);
  expect(response.ok()).toBeTruthy();
  const left = (await response.json()) as { items: Array<{ modelNumber: string }> };
  expect(left.items.filter((model) => model.modelNumber === modelNumber)).toHaveLength(0);
});

test('a vendor is added, renamed on its page with the change in its history, and deleted', async ({ page }) => {
  const name = `Acme Biomedical ${unique()}`;
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Vendors' }).click();
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add a vendor' });
  await addDialog.getByLabel('Name').fill(name);
  await addDialog.getByRole('button', { name: 'Add vendor' }).click();

  await expect(page).toHaveURL(/\/vendors\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: 'Record', exact: true })).toBeVisible();
  await page.getByLabel('Name').fill(`${name} Services`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${name} Services is up to date.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} Services`);
  await expect(page.getByLabel('Record history')).toContainText(`${name} Services`);

  await page.getByRole('button', { name: 'Delete' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete this vendor?' });
  await expect(deleteDialog).toContainText(`${name} Services and its 0 contacts will be removed.`);
  await deleteDialog.getByRole('button', { name: 'Delete vendor' }).click();
  await expect(page).toHaveURL(/\/vendors$/);
  await expect(page.getByText('Vendor deleted')).toBeVisible();
});

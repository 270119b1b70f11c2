import { expect, test } from '@playwright/test';
import { ADMIN, signIn, unique } from './helpers';

test('an administrator adds a facility, renames it, and sees the change in its history', async ({ page }) => {
  const code = `T${unique()}`.slice(0, 12).toUpperCase();
  await signIn(page, ADMIN);
  await page.goto('/facilities');
  await page.getByRole('button', { name: 'Add facility' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a facility' });
  await dialog.getByLabel('Code').fill('bad code!');
  await expect(dialog.getByText('Use letters, digits, dot, dash or underscore only')).toBeVisible();
  await dialog.getByLabel('Code').fill(code);
  await dialog.getByLabel('Name').fill(`Test Clinic ${code}`);
  await dialog.getByRole('button', { name: 'Add facility' }).click();

  await expect(page).toHaveURL(/\/facilities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Test Clinic ${code}`);
  await page.getByLabel('Name').fill(`Harbour Clinic ${code}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Facility saved')).toBeVisible();
  await expect(page.getByLabel('Record history')).toContainText(`Harbour Clinic ${code}`);

  // A code that another facility has is refused on the field.
  await page.getByLabel('Code').fill('RGH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Is already in use')).toBeVisible();
});

test('an administrator runs a job by hand and sees its run', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/admin/jobs');
  await page.getByRole('button', { name: 'Run now' }).first().click();
  await expect(page.getByText('Job started')).toBeVisible();
  const runs = page.getByRole('table', { name: 'Job runs' });
  await expect(runs.getByRole('row').filter({ hasText: 'Delete expired and idle sessions' }).first()).toBeVisible({ timeout: 20_000 });
  await expect(runs).toContainText(/Completed|Queued|Running/);
});

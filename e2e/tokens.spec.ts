import { expect, test } from '@playwright/test';
import { ADMIN, signIn, unique } from './helpers';

test('an administrator creates an API token, sees it once, and revokes it', async ({ page }) => {
  const name = `CMMS export ${unique()}`;
  await signIn(page, ADMIN);
  await page.goto('/admin/api-tokens');
  await page.getByRole('button', { name: 'Create token' }).first().click();

  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Auditor (read-only)' }).click();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const created = page.getByRole('dialog', { name: /created/ });
  await expect(created).toContainText('You will not see it again');
  const token = (await created.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  await expect(created.getByRole('button', { name: 'Copy token' })).toBeVisible();

  // The token works against the API.
  const check = await page.request.get('/api/v1/facilities', { headers: { Authorization: `Bearer ${token}` } });
  expect(check.status()).toBe(200);

  await created.getByRole('button', { name: 'I have copied it' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Auditor (read-only)');
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText(token);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText('Token revoked')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  await page.getByRole('switch', { name: 'Show revoked tokens' }).click();
  await expect(page.getByRole('switch', { name: 'Show revoked tokens' })).toBeChecked();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  const refused = await page.request.get('/api/v1/facilities', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

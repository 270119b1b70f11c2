import { expect, test } from '@playwright/test';
import { ADMIN, signIn, signOut, unique } from './helpers';

test('an administrator adds a user, who can then sign in with the role given', async ({ page }) => {
  const id = unique();
  const email = `jamie.${id}@riverside.example`;
  const password = `Initial-pass-${id}`;
  await signIn(page, ADMIN);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Add user' }).click();

  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name').fill(`Jamie Fox ${id}`);
  await dialog.getByLabel('E-mail address').fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'BMET / technician' }).click();
  await dialog.getByLabel('Initial password').fill('short');
  await expect(dialog.getByText('Use at least 10 characters')).toBeVisible();
  await dialog.getByLabel('Initial password').fill(password);
  await dialog.getByLabel('Access to all facilities').uncheck({ force: true });
  await dialog.getByRole('combobox', { name: 'Facilities' }).click();
  await page.getByRole('option', { name: /Lakeside Outpatient Center/ }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Add user' }).click();

  await expect(page.getByText('User added')).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search', { exact: true }).fill(id);
  const row = page.getByRole('row', { name: new RegExp(`Jamie Fox ${id}`) });
  await expect(row).toContainText('BMET / technician');
  await expect(row).toContainText('Lakeside Outpatient Center');

  await signOut(page);
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jamie');
  await expect(page.getByRole('main')).toContainText('BMET / technician');
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText('Administration');
});

test('the server’s answer to a taken e-mail address appears on the field', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name').fill('Second Avery');
  await dialog.getByLabel('E-mail address').fill(ADMIN);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Clinician' }).click();
  await dialog.getByLabel('Initial password').fill('a-long-enough-password');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
});

test('an administrator edits a user and the change shows in the record history', async ({ page }) => {
  const id = unique();
  await signIn(page, ADMIN);
  // A user of one's own for this test, created through the API with the session's CSRF token.
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const created = await page.request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { email: `robin.${id}@riverside.example`, displayName: `Robin ${id}`, role: 'clinician', password: 'robin-password-1' },
  });
  expect(created.status()).toBe(201);
  const user = await created.json();

  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Robin ${id}`);
  await page.getByLabel('Name').fill(`Robin Ames ${id}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Robin Ames ${id}`);

  const history = page.getByLabel('Record history');
  await expect(history).toContainText('Changed');
  await expect(history).toContainText(`Robin ${id}`);
  await expect(history).toContainText(`Robin Ames ${id}`);
  await expect(history).toContainText('Created');

  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText('User deactivated')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Deactivated');
  await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();
});

test('a save over someone else’s newer change is refused and offers to reload', async ({ page }) => {
  await signIn(page, ADMIN);
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const id = unique();
  const created = await page.request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { email: `kim.${id}@riverside.example`, displayName: `Kim ${id}`, role: 'clinician', password: 'kim-password-12' },
  });
  const user = await created.json();
  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByLabel('Name')).toHaveValue(`Kim ${id}`);

  // Another administrator renames the user meanwhile.
  const other = await page.request.patch(`/api/v1/users/${user.id}`, {
    headers: { 'X-CSRF-Token': session.csrfToken, 'If-Match': `"v${user.version}"` },
    data: { displayName: `Kim Other ${id}` },
  });
  expect(other.status()).toBe(200);

  await page.getByLabel('Name').fill(`Kim Mine ${id}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone else changed this record')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the record' }).click();
  await expect(page.getByLabel('Name')).toHaveValue(`Kim Other ${id}`);
  await expect(page.getByText('Someone else changed this record')).toHaveCount(0);
});

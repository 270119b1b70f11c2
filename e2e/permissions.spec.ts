import { expect, test } from '@playwright/test';
import { AUDITOR, nav, signIn, TECHNICIAN } from './helpers';

test('the auditor reads every administration page but sees no button that changes anything', async ({ page }) => {
  await signIn(page, AUDITOR);
  await expect(page.getByRole('main')).toContainText('Auditor (read-only)');

  await nav(page).getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('row', { name: /Avery Chen/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add user' })).toHaveCount(0);

  await page.getByRole('row', { name: /Avery Chen/ }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avery Chen');
  await expect(page.getByRole('button', { name: 'Reset password' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(1); // the header's search box only

  await nav(page).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API tokens');
  await expect(page.getByRole('button', { name: 'Create token' })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByText('Delete expired and idle sessions').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run now' })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Facilities' }).click();
  await expect(page.getByRole('row', { name: /Riverside General Hospital/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add facility' })).toHaveCount(0);
  await page.getByRole('row', { name: /Riverside General Hospital/ }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riverside General Hospital');
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('table', { name: 'Audit events' })).toBeVisible();
});

test('a technician sees only the facility they work at and no administration', async ({ page }) => {
  await signIn(page, TECHNICIAN);
  await expect(nav(page)).not.toContainText('Administration');
  await expect(nav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Facilities' }).click();
  await expect(page.getByRole('row', { name: /Riverside General Hospital/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Northside Community Hospital/ })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

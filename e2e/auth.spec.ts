import { expect, test } from '@playwright/test';
import { ADMIN, nav, signIn, signOut } from './helpers';

test('a wrong password shows why sign-in failed and keeps the visitor on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/password/i);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
});

test('the login form checks the e-mail address while typing', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill('avery@');
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await page.getByLabel('E-mail address').fill('avery@riverside.example');
  await expect(page.getByText('Enter a valid e-mail address')).toHaveCount(0);
});

test('a visitor who is not signed in is sent to the login page and brought back afterwards', async ({ page }) => {
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit/);
  await page.getByLabel('E-mail address').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('openhtm-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
});

test('an administrator signs in, opens every page from the navigation and signs out', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avery');
  await expect(page.getByRole('banner')).toContainText('Riverside Health System');

  const pages: Array<[string, string | RegExp]> = [
    ['Facilities', 'Facilities'],
    ['Users', 'Users'],
    ['API tokens', 'API tokens'],
    ['Audit trail', 'Audit trail'],
    ['Jobs', 'Jobs'],
    ['Home', /Good (morning|afternoon|evening), Avery/],
  ];
  for (const [link, heading] of pages) {
    await nav(page).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }

  await signOut(page);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown address shows the not-found page inside the app', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avery');
});

test('the global search finds a facility and opens it', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByLabel('Search OpenHTM').fill('Northside');
  await page.getByRole('option', { name: /Northside Community Hospital/ }).click();
  await expect(page).toHaveURL(/\/facilities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northside Community Hospital');
});

test('the colour scheme switch is remembered across visits', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

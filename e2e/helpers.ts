import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'openhtm-demo';
export const ADMIN = 'admin@riverside.example';
export const AUDITOR = 'auditor@riverside.example';
export const TECHNICIAN = 'tech@riverside.example';
export const MANAGER = 'manager@riverside.example';

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The main navigation (inside the navbar, which on phones is behind the burger). */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A unique suffix, so that tests running in parallel never collide on e-mail addresses or codes. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Screenshots for people to look at: `.test-results/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lets skeletons give way and transitions finish before the picture is taken.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `.test-results/screenshots/${name}.png`, fullPage: true });
}

/** The session's CSRF token, for changing a record behind the page's back (simulating another user). */
export async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/auth/session');
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

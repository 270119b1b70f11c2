import { expect, test, type Page } from '@playwright/test';
import { ADMIN, nav, signIn } from './helpers';

/** Holds back the download of a page's code (each page is a chunk of its own) until `release` is called. */
async function holdChunk(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/assets/${name}-*.js`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('while another page downloads, the one on screen stays and a bar runs along the header', async ({ page }) => {
  await signIn(page, ADMIN);
  const release = await holdChunk(page, 'ModelsPage');
  await nav(page).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('progressbar', { name: 'Opening the page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avery');

  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Models');
  await expect(page.getByRole('progressbar', { name: 'Opening the page' })).toHaveCount(0);
});

test('the first page opened shows a loader inside the shell until its code arrives', async ({ page }) => {
  await signIn(page, ADMIN);
  const release = await holdChunk(page, 'VendorsPage');
  await page.goto('/vendors');
  await expect(page.getByRole('main').getByLabel('Loading the page')).toBeVisible();
  await expect(nav(page)).toBeVisible();

  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vendors');
});

test('a page whose code cannot be downloaded says so inside the shell and offers to reload', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.route('**/assets/VendorsPage-*.js', (route) => route.abort('internetdisconnected'));
  await nav(page).getByRole('link', { name: 'Vendors' }).click();
  await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  await expect(nav(page)).toBeVisible();

  await page.unroute('**/assets/VendorsPage-*.js');
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vendors');
});

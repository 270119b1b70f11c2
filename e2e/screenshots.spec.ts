import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './helpers';

const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test('home page and users list', async ({ page }) => {
      await page.goto('/login');
      await screenshot(page, `${size.name}-login`);
      await signIn(page, ADMIN);
      await expect(page.getByRole('main').getByText('Facilities').first()).toBeVisible();
      // The demo's 5,000 devices (tests running beside this one may have added a few).
      await expect(page.getByRole('link', { name: /^Devices: / })).toHaveAccessibleName(/^Devices: 5,0\d\d$/);
      await expect(page.getByRole('heading', { name: 'Devices by facility' })).toBeVisible();
      await screenshot(page, `${size.name}-home`);
      await page.goto('/admin/users');
      await expect(page.getByRole('main').getByText('Avery Chen').first()).toBeVisible();
      await screenshot(page, `${size.name}-users`);
      // Nothing sticks out sideways at this width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('at phone size the navigation opens from the burger', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit trail');
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toBeInViewport();
  await screenshot(page, 'phone-audit');
});

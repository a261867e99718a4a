import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE, pick, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('My organization', () => {
  it('registers an organization, showing the API’s refusal of a field next to that field', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, 'kwame.mensah@demo.example');
    await page.getByRole('link', { name: 'Register an organization' }).click();
    await page.waitForURL(/\/me\/organizations\/new/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Register an organization');

    await page.getByLabel('Name of the organization').fill('Accra Youth Makers of Leeds');
    await page.getByLabel('City').fill('Leeds');
    await page.getByLabel('Website').fill('not a web address');
    await pick(page, 'Communities of origin', 'Ghan', 'Ghana');
    await pick(page, 'Based in', 'United K', 'United Kingdom');
    await page.getByRole('button', { name: 'Register the organization' }).click();

    const website = page.getByLabel('Website');
    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await website.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(texts.join(' ')).toContain('website must be an http(s) URL');
    expect(await page.getByLabel('Name of the organization').getAttribute('aria-invalid')).not.toBe('true');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the organization form with an error');

    await website.fill('https://accra-youth-makers.example.org');
    await page.getByRole('button', { name: 'Register the organization' }).click();
    await page.waitForURL(/\/organizations\/[\w-]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Accra Youth Makers of Leeds');
    await expect.poll(() => page.getByText('Ghana', { exact: true }).count()).toBeGreaterThan(0);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE, pick, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The texts an input's aria-describedby points at (where Mantine shows its error). */
async function describedText(page: Page, label: string) {
  const input = page.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
  return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))).join(' ');
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** The public project page, signed out, on a phone: the chart, no editing, no sideways scrolling. */
async function expectPhonePage(browser: Browser, projectUrl: string) {
  const phone = await newPage(browser, { viewport: PHONE });
  await phone.page.goto(new URL(projectUrl).pathname);
  await expect.poll(() => heading(phone.page)).toBe('Volta community reading rooms');
  await expect.poll(() => phone.page.getByRole('img', { name: 'Progress of Children reading weekly' }).count()).toBe(1);
  expect(await phone.page.getByRole('button', { name: 'Add the indicator' }).count()).toBe(0);
  await expectNoHorizontalScroll(phone.page);
  await expectAccessible(phone.page, 'the public project page on a phone');
  await phone.context.close();
}

describe('Projects and partners', () => {
  it('registers a project, adds an indicator and a measurement, sees the chart and edits the project partially', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'amina.owusu@demo.example');

    // My organizations → the organization's projects
    await page
      .getByRole('article')
      .or(page.locator('.mantine-Card-root'))
      .filter({ hasText: 'Ghana Hometown Association of London' })
      .getByRole('link', { name: 'Projects', exact: true })
      .click();
    await page.waitForURL(/\/organizations\/[\w-]+\/projects$/);
    await expect.poll(() => heading(page)).toBe('Projects');
    await expectAccessible(page, 'the projects of an organization');

    // register a project
    await page.getByRole('link', { name: 'Register a project' }).click();
    await page.waitForURL(/\/projects\/new$/);
    await expect.poll(() => heading(page)).toBe('Register a project');
    await page.getByLabel('Title').fill('Volta reading rooms');
    await page.getByLabel('Summary').fill('Three community reading rooms in the Volta region.');
    await pick(page, 'Countries where it is implemented', 'Ghan', 'Ghana');
    await pick(page, 'Countries where it is implemented', 'Seneg', 'Senegal');
    await pick(page, 'Themes', 'Educ', 'Education');
    await page.getByLabel('Budget', { exact: true }).fill('12000');
    await expectAccessible(page, 'the project form');
    await page.getByRole('button', { name: 'Register the project' }).click();
    await page.waitForURL(/\/projects\/[\w-]+$/);
    await expect.poll(() => heading(page)).toBe('Volta reading rooms');
    const projectUrl = page.url();

    // an indicator with its baseline and target
    const addForm = page.getByRole('form', { name: 'Add an indicator' });
    await addForm.getByRole('textbox', { name: 'Indicator' }).fill('Children reading weekly');
    await addForm.getByRole('textbox', { name: 'Unit' }).fill('children');
    await addForm.getByRole('textbox', { name: 'Baseline' }).fill('20');
    await addForm.getByRole('textbox', { name: 'Target' }).fill('120');
    await page.getByRole('button', { name: 'Add the indicator' }).click();
    const chart = page.getByRole('img', { name: 'Progress of Children reading weekly' });
    await expect.poll(() => chart.count()).toBe(1);

    // a measurement in the future is refused next to its date field; then a valid one
    const record = page.getByRole('form', { name: 'Record a measurement' });
    await record.getByLabel('Measured on').fill('2099-01-01');
    await record.getByLabel('Value (children)').fill('70');
    await record.getByRole('button', { name: 'Record' }).click();
    expect(await describedText(page, 'Measured on')).toMatch(/future/i);
    await record.getByLabel('Measured on').fill('2026-01-15');
    await record.getByRole('button', { name: 'Record' }).click();
    const description = async () => {
      const id = (await chart.getAttribute('aria-describedby')) ?? '';
      return page.locator(`[id="${id}"]`).textContent();
    };
    await expect.poll(description).toContain('1 measurement, the latest 70 children');
    await expect.poll(description).toContain('50% of the way');
    expect(await page.locator('[data-testid="progress-point"]').count()).toBe(1);
    await expectAccessible(page, 'the project page with its chart');

    // a partial edit: only the title changes, the budget and summary stay
    await page.getByRole('link', { name: 'Edit the project' }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Volta reading rooms');
    await page.getByLabel('Title').fill('Volta community reading rooms');
    await expectAccessible(page, 'the project edit form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(projectUrl);
    await expect.poll(() => heading(page)).toBe('Volta community reading rooms');
    await expect.poll(() => page.getByText('Three community reading rooms in the Volta region.').count()).toBe(1);
    await expect.poll(() => page.getByText(/12,000/).count()).toBeGreaterThan(0);

    await expectPhonePage(browser, projectUrl);
    await context.close();
  }, 150_000);

  // the project registered above also runs in Senegal, so the Commune de Kaolack (an origin-side partner
  // sharing the organization's themes) is suggested with its reasons
  it('suggests partners with their reasons and sends a proposal on a project', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'amina.owusu@demo.example');
    await page
      .locator('.mantine-Card-root')
      .filter({ hasText: 'Ghana Hometown Association of London' })
      .getByRole('link', { name: 'Partners', exact: true })
      .click();
    await page.waitForURL(/\/organizations\/[\w-]+\/partners$/);
    await expect.poll(() => heading(page)).toBe('Partners');
    const propose = page.getByRole('button', { name: 'Propose a partnership to Commune de Kaolack' });
    await propose.waitFor();
    const reasons = page.getByRole('list', { name: 'Why this suggestion' }).first();
    await expect.poll(() => reasons.textContent()).toMatch(/points/);
    await expectAccessible(page, 'the partners page');
    const partnerName = ((await propose.getAttribute('aria-label')) ?? '').replace('Propose a partnership to ', '');
    await propose.click();
    const form = page.getByRole('form', { name: `Propose a partnership to ${partnerName}` });
    await form.getByLabel('Kind of partnership').selectOption('MENTORING');
    const project = form.getByLabel('Project');
    await project.selectOption({ index: 1 });
    const projectTitle = (await project.locator('option:checked').textContent()) ?? '';
    await form.getByLabel('Message').fill('Would you mentor our reading rooms?');
    await form.getByRole('button', { name: 'Send the proposal' }).click();
    await expect.poll(() => page.getByText(`Partnership proposed to ${partnerName}.`).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByTestId('partnership')
          .filter({ hasText: partnerName })
          .filter({ hasText: 'Proposed by you' })
          .filter({ hasText: projectTitle })
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, 'the partners page after a proposal');
    await context.close();
  }, 120_000);
});

import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, launch, newPage, pick, signUp } from './support/browser';

/**
 * The whole diaspora journey of issue 14, in one browser session of a person who has no account yet:
 * sign up, register the organization, the funds it could apply to with a project (and a rule it passes
 * only until it states its founding year), a project with an indicator and a measurement, a fund match
 * with its reasons, why another fund does not match, apply (draft, submit), a live notification when
 * the funder moves the application (caused through the API as the funder, the page never reloaded),
 * withdraw, enrol in a training (and see the place on the waiting list of a full one), rate a completed
 * one, propose a partnership; axe on every page visited. The steps run in order and share the session.
 */

const run = randomBytes(3).toString('hex');
const PERSON = {
  name: 'Awa Diallo',
  email: `awa.diallo.${run}@journey.example`,
  password: 'journey-password-2026',
};
const ORGANIZATION = `Association des Sénégalais de Schaerbeek ${run}`;
const PROJECT = 'Training association treasurers in Kaolack';
const MATCHING_FUND = 'Brussels Migrant Associations Capacity Grants';
const FUNDER = 'lena.keller@demo.example'; // OWNER of the City of Brussels council that runs the fund
const OTHER_FUND = 'Overseas Filipino Workers Welfare Grants';
// asks for organizations founded 2 years ago or more, and a smallest grant larger than the project's budget
const AGE_FUND = 'African Diaspora Climate, Economy, Education and Health Grants';
const TRAINING = 'Project management for diaspora projects (Brussels)';
const PROVIDER = 'pieter.devries@demo.example'; // OWNER of the academy that gives it
const FULL_TRAINING = 'Digital remittances and mobile money literacy'; // 3 seats, 2 on its waiting list

let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = '';
let organizationId = '';
let applicationUrl = '';

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

beforeAll(async () => {
  browser = await launch();
  ({ context, page } = await newPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe.sequential('The diaspora journey in the browser', () => {
  it('signs up and registers the organization', async () => {
    await signUp(page, PERSON);
    await expectAccessible(page, 'my organizations of a new account');
    await page.goto('/me/organizations/new');
    await expect.poll(heading).toBe('Register an organization');
    await page.getByLabel('Name of the organization').fill(ORGANIZATION);
    await page.getByLabel('Kind of organization').selectOption('MIGRANT_ASSOCIATION');
    await page
      .getByLabel('Description', { exact: true })
      .fill('Senegalese migrants in Schaerbeek who support savings groups and schools in Kaolack.');
    await page.getByLabel('City').fill('Brussels');
    await pick(page, 'Communities of origin', 'Seneg', 'Senegal');
    await pick(page, 'Based in', 'Belg', 'Belgium');
    await pick(page, 'Themes', 'Capacity', 'Capacity building');
    await pick(page, 'Themes', 'Educ', 'Education');
    await pick(page, 'Languages', 'Fren', 'French');
    await page.getByLabel('Legally registered').check();
    await expectAccessible(page, 'the organization form');
    await page.getByRole('button', { name: 'Register the organization' }).click();
    await page.waitForURL(/\/organizations\/[\w-]+$/);
    await expect.poll(heading).toBe(ORGANIZATION);
    slug = new URL(page.url()).pathname.split('/').pop()!;
    await expectAccessible(page, 'the new organization’s page');
  }, 120_000);

  it('before it has a project: the funds it could apply to with one, and a rule to be confirmed', async () => {
    await page.goto('/funding');
    await expect.poll(heading).toBe('Funding');
    const section = page.getByRole('region', { name: 'Funds you could apply to with a suitable project' });
    const card = section.getByTestId('fund-needing-a-project').filter({ hasText: MATCHING_FUND });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole('listitem').allTextContents()).toEqual([
      '✗A live project — The organization has no live project to apply with',
    ]);
    await expectAccessible(page, 'the funding page with funds needing a project');

    // the founding year was left blank: the fund's age rule passes, to be confirmed
    await section.getByRole('link', { name: AGE_FUND }).click();
    await page.waitForURL(/\/funds\/[\w-]+/);
    await expect.poll(heading).toBe(AGE_FUND);
    const checklist = page.getByTestId('eligibility');
    await expect.poll(() => checklist.getByText('Eligible', { exact: true }).count()).toBe(1);
    await expect.poll(() => checklist.getByText(/^\d+ rules met, 1 to be confirmed\.$/).count()).toBe(1);
    const age = checklist.locator('[data-rule="ORGANIZATION_AGE"]');
    expect(await age.getAttribute('data-unconfirmed')).toBe('true');
    expect(await age.textContent()).toMatch(
      /^\?Age of the organization: to be confirmed — The fund accepts organizations founded at least 2 years ago/,
    );
    // no rule fails, so the one to be confirmed comes first
    expect(await checklist.getByRole('listitem').first().getAttribute('data-rule')).toBe('ORGANIZATION_AGE');
    await expectAccessible(page, 'a fund page with a rule to be confirmed');

    await page.goBack();
    await card.getByRole('link', { name: 'Create a project' }).click();
    await page.waitForURL(new RegExp(`/organizations/${slug}/projects/new$`));
  }, 120_000);

  it('registers a project with an indicator and a measurement', async () => {
    await page.goto(`/organizations/${slug}/projects`);
    await expect.poll(heading).toBe('Projects');
    await page.getByRole('link', { name: 'Register a project' }).click();
    await page.waitForURL(/\/projects\/new$/);
    await page.getByLabel('Title').fill(PROJECT);
    await page
      .getByLabel('Summary')
      .fill('Bookkeeping and reporting courses for the treasurers of ten savings groups.');
    await page.getByLabel('Kind of project').selectOption('CAPACITY_BUILDING');
    await pick(page, 'Countries where it is implemented', 'Seneg', 'Senegal');
    await pick(page, 'Themes', 'Capacity', 'Capacity building');
    await page.getByLabel('Budget', { exact: true }).fill('9000');
    await page.getByRole('button', { name: 'Register the project' }).click();
    await page.waitForURL(/\/projects\/[\w-]+$/);
    await expect.poll(heading).toBe(PROJECT);

    const addForm = page.getByRole('form', { name: 'Add an indicator' });
    await addForm.getByRole('textbox', { name: 'Indicator' }).fill('Treasurers trained');
    await addForm.getByRole('textbox', { name: 'Unit' }).fill('treasurers');
    await addForm.getByRole('textbox', { name: 'Baseline' }).fill('0');
    await addForm.getByRole('textbox', { name: 'Target' }).fill('10');
    await page.getByRole('button', { name: 'Add the indicator' }).click();
    const chart = page.getByRole('img', { name: 'Progress of Treasurers trained' });
    await expect.poll(() => chart.count()).toBe(1);
    const record = page.getByRole('form', { name: 'Record a measurement' });
    await record.getByLabel('Measured on').fill('2026-01-15');
    await record.getByLabel('Value (treasurers)').fill('4');
    await record.getByRole('button', { name: 'Record' }).click();
    const description = async () =>
      page.locator(`[id="${(await chart.getAttribute('aria-describedby')) ?? ''}"]`).textContent();
    await expect.poll(description).toContain('1 measurement, the latest 4 treasurers');
    await expectAccessible(page, 'the project page with its chart');
  }, 120_000);

  it('sees a fund match with its reasons and reads why another fund does not match', async () => {
    await page.goto('/funding');
    await expect.poll(heading).toBe('Funding');
    await page.getByLabel('Matches for').selectOption({ label: PROJECT });
    const match = page.getByTestId('fund-match').filter({ hasText: MATCHING_FUND });
    await expect.poll(() => match.count()).toBe(1);
    await expect.poll(() => match.getByRole('img').getAttribute('aria-label')).toMatch(/^Score [\d.]+ out of 100: /);
    const reasons = await match.getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0]).toMatch(/ · [\d.]+ points — /);
    const score = Number((await match.getByText(/^Score [\d.]+ \/ 100$/).textContent())!.match(/[\d.]+/)![0]);
    const widths = await match
      .locator('[data-testid="reasons-bar"] [data-factor]')
      .evaluateAll((els) => els.map((el) => parseFloat((el as HTMLElement).style.width)));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 0);
    // with a project, the matching fund no longer needs one; another still needs a larger project
    const needing = page.getByTestId('fund-needing-a-project');
    await expect.poll(() => needing.filter({ hasText: AGE_FUND }).count()).toBe(1);
    expect(await needing.filter({ hasText: MATCHING_FUND }).count()).toBe(0);
    expect(await needing.filter({ hasText: AGE_FUND }).getByRole('listitem').allTextContents()).toContainEqual(
      expect.stringMatching(/^✗Smallest grant — The fund’s smallest grant is EUR 25,000/),
    );
    await expectAccessible(page, 'the funding page');

    await page.getByTestId('other-fund').getByRole('link', { name: OTHER_FUND }).click();
    await page.waitForURL(/\/funds\/[\w-]+/);
    await expect.poll(heading).toBe(OTHER_FUND);
    const checklist = page.getByTestId('eligibility');
    await expect.poll(() => checklist.getByText('Not eligible').count()).toBe(1);
    const origin = checklist.locator('[data-rule="ORIGIN"]');
    await expect.poll(() => origin.getAttribute('data-passed')).toBe('false');
    expect(await origin.textContent()).toContain('Community of origin: not met');
    await expectAccessible(page, 'a fund page with failing eligibility');
  }, 120_000);

  it('applies (draft, then submitted), gets the funder’s move live in the bell, and withdraws', async () => {
    await page.goto('/funding');
    await page.getByLabel('Matches for').selectOption({ label: PROJECT });
    await page.getByTestId('fund-match').filter({ hasText: MATCHING_FUND }).getByRole('link').first().click();
    await expect.poll(heading).toBe(MATCHING_FUND);
    await expect.poll(() => page.getByLabel('Project', { exact: true }).inputValue()).not.toBe('');
    await expect.poll(() => page.getByTestId('eligibility').getByText('Eligible', { exact: true }).count()).toBe(1);
    await page.getByLabel(/Amount requested/).fill('8000');
    await page.getByLabel(/Statement/).fill('Ten treasurers trained in bookkeeping, with a follow-up visit.');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/applications\/[\w-]+$/);
    applicationUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Draft');
    await expectAccessible(page, 'a draft application');
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Submitted');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Draft → Submitted');
    // it is listed with the organization's applications, where the applicant goes on working
    await page.goto('/funding');
    await expect
      .poll(() => page.getByTestId('application').filter({ hasText: MATCHING_FUND }).textContent())
      .toContain('Submitted');

    // the funder moves it, from elsewhere: the bell counts it and announces it without a reload
    const bell = page.getByTestId('notifications-bell');
    const unreadBefore = Number(((await bell.getAttribute('aria-label')) ?? '').match(/(\d+) unread/)?.[1] ?? 0);
    const applicationId = applicationUrl.split('/').pop()!;
    const funder = await apiAs(FUNDER);
    await funder(`mutation($id: ID!) { decideApplication(id: $id, status: UNDER_REVIEW, note: "Reading it") { id } }`, {
      id: applicationId,
    });
    const title = `Your application to ${MATCHING_FUND} is under review`;
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'New notification:' }).textContent(), { timeout: 30_000 })
      .toContain(title);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe(`Notifications, ${unreadBefore + 1} unread`);
    // the count is the API's: the same as unreadNotificationCount
    const me = await apiAs(PERSON.email, PERSON.password);
    const { unreadNotificationCount } = await me<{ unreadNotificationCount: number }>('{ unreadNotificationCount }');
    expect(unreadNotificationCount).toBe(unreadBefore + 1);
    await bell.click();
    const item = page.getByRole('menuitem').filter({ hasText: title });
    await expect.poll(() => item.count()).toBe(1);
    await expectAccessible(page, 'the notifications menu, open');
    await item.click();
    await page.waitForURL(new RegExp(`${applicationUrl}$`));
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Under review');

    // the funder reads it on the same page, without the applicant's buttons
    const funderPage = await newPage(browser);
    await funderPage.page.goto('/sign-in');
    await funderPage.page.getByLabel('E-mail address').fill(FUNDER);
    await funderPage.page.locator('input[autocomplete="current-password"]').fill('demo-password-2026');
    await funderPage.page.getByRole('button', { name: 'Sign in' }).click();
    await funderPage.page.waitForURL(/\/me\//);
    await funderPage.page.goto(applicationUrl);
    await expect.poll(() => funderPage.page.getByTestId('application-status').textContent()).toBe('Under review');
    expect(await funderPage.page.getByRole('button', { name: 'Withdraw the application' }).count()).toBe(0);
    await funderPage.context.close();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Withdraw the application' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Withdrawn');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Under review → Withdrawn');
    await expectAccessible(page, 'a withdrawn application');
  }, 180_000);

  it('enrols in a training, sees its place on a full one’s waiting list, and rates a completed one', async () => {
    const me = await apiAs(PERSON.email, PERSON.password);
    const { trainingOffers } = await me<{ trainingOffers: { nodes: Array<{ id: string; title: string }> } }>(
      '{ trainingOffers(first: 100) { nodes { id title } } }',
    );
    const idOf = (title: string) => trainingOffers.nodes.find((o) => o.title === title)!.id;

    await page.goto(`/trainings/${idOf(TRAINING)}`);
    await expect.poll(heading).toBe(TRAINING);
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect.poll(() => page.getByTestId('enrolment').textContent()).toContain('Enrolled');
    await expectAccessible(page, 'a training page after enrolling');

    await page.goto(`/trainings/${idOf(FULL_TRAINING)}`);
    await expect.poll(heading).toBe(FULL_TRAINING);
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    const waiting = page.getByTestId('enrolment').getByTestId('waitlist');
    await expect.poll(() => waiting.textContent()).toContain('You are number 3 on the waiting list (3 waiting)');
    await expectAccessible(page, 'a full training with its waiting list');

    // the provider marks the first one completed; the organization rates it
    const { organization } = await me<{
      organization: { id: string; enrolments: Array<{ id: string; training: { title: string } }> };
    }>(`query($slug: String!) { organization(slug: $slug) { id enrolments { id training { title } } } }`, { slug });
    organizationId = organization.id;
    const enrolment = organization.enrolments.find((e) => e.training.title === TRAINING)!;
    const provider = await apiAs(PROVIDER);
    await provider(`mutation($id: ID!) { completeEnrolment(id: $id) { id } }`, { id: enrolment.id });

    await page.goto('/trainings');
    await expect.poll(heading).toBe('Capacity building');
    const completed = page.getByTestId('enrolment').filter({ hasText: TRAINING });
    await expect.poll(() => completed.textContent()).toContain('Completed');
    expect(await page.getByTestId('enrolment').filter({ hasText: FULL_TRAINING }).textContent()).toContain(
      'You are number 3 on the waiting list',
    );
    // Mantine's rating hides its radio inputs: click the star, the input's label
    const fourStars = await completed.getByRole('radio', { name: '4 stars' }).getAttribute('id');
    await completed.locator(`label[for="${fourStars}"]`).click();
    await completed.getByLabel('Comment (optional)').fill('Clear and practical.');
    await completed.getByRole('button', { name: 'Send the rating' }).click();
    await expect.poll(() => completed.textContent()).toContain('Your rating: 4 / 5');
    await expectAccessible(page, 'the trainings page with a rating');
  }, 180_000);

  it('proposes a partnership to a suggested partner', async () => {
    expect(organizationId).not.toBe('');
    await page.goto(`/organizations/${slug}/partners`);
    await expect.poll(heading).toBe('Partners');
    const propose = page.getByRole('button', { name: /^Propose a partnership to / }).first();
    await propose.waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Why this suggestion' }).first().textContent())
      .toMatch(/points/);
    await expectAccessible(page, 'the partners page');
    const partnerName = ((await propose.getAttribute('aria-label')) ?? '').replace('Propose a partnership to ', '');
    await propose.click();
    const form = page.getByRole('form', { name: `Propose a partnership to ${partnerName}` });
    await form.getByLabel('Kind of partnership').selectOption('MENTORING');
    await form.getByLabel('Project').selectOption({ label: PROJECT });
    await form.getByLabel('Message').fill('Would you help us train treasurers in Kaolack?');
    await form.getByRole('button', { name: 'Send the proposal' }).click();
    await expect.poll(() => page.getByText(`Partnership proposed to ${partnerName}.`).count()).toBe(1);
    await expect
      .poll(() =>
        page.getByTestId('partnership').filter({ hasText: partnerName }).filter({ hasText: 'Proposed by you' }).count(),
      )
      .toBe(1);
    await expectAccessible(page, 'the partners page after a proposal');
  }, 120_000);
});

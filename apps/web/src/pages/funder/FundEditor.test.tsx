import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { EMPTY_FUND, toFundInput, validateFund, type FundValues } from './fund-form';
import { FundForm } from './FundForm';
import { FundPreview } from './FundPreview';

const NOW = new Date('2026-11-29T10:00:00Z');
const valid: FundValues = {
  ...EMPTY_FUND,
  title: 'Health pilots',
  description: 'Small grants.',
  themes: ['HEALTH'],
  deadline: '2027-03-01',
  totalBudget: 100000,
  minGrant: 5000,
  maxGrant: 30000,
};

// react-number-format (inside Mantine's NumberInput) resolves a second copy of React under jsdom here:
// the number fields render as text fields with the same label and error in this test
vi.mock('@mantine/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@mantine/core')>();
  const NumberInput = ({ value, onChange, ...props }: Record<string, unknown>) => (
    <core.TextInput
      {...(props as object)}
      value={String(value ?? '')}
      onChange={(e) => (onChange as (v: string) => void)(e.currentTarget.value)}
    />
  );
  return { ...core, NumberInput };
});

// jsdom has no document.fonts, which Mantine's autosizing textarea listens to
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
});

describe('the fund editor’s validation', () => {
  it('accepts a complete fund and sends it as FundInput', () => {
    expect(validateFund(valid, NOW)).toEqual({});
    const input = toFundInput({ ...valid, sdgs: ['3'], countriesOfResidence: ['FR'], minOrganizationAgeYears: 2 });
    expect(input.sdgs).toEqual([3]);
    expect(input.eligibility?.countriesOfResidence).toEqual(['FR']);
    expect(input.eligibility?.minOrganizationAgeYears).toBe(2);
    expect(input.coFundingPercent).toBeNull();
    expect(new Date(input.deadline).getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('names each field at fault', () => {
    expect(validateFund(EMPTY_FUND, NOW)).toEqual({
      title: 'funder.editor.errors.required',
      description: 'funder.editor.errors.required',
      themes: 'funder.editor.errors.themes',
      deadline: 'funder.editor.errors.required',
    });
    expect(validateFund({ ...valid, deadline: '2026-01-01' }, NOW).deadline).toBe('funder.editor.errors.deadlinePast');
    expect(validateFund({ ...valid, minGrant: 40000 }, NOW).maxGrant).toBe('funder.editor.errors.maxBelowMin');
    expect(validateFund({ ...valid, maxGrant: 200000 }, NOW).maxGrant).toBe('funder.editor.errors.maxAboveBudget');
    expect(validateFund({ ...valid, coFundingPercent: 120 }, NOW).coFundingPercent).toBe(
      'funder.editor.errors.percent',
    );
    expect(validateFund({ ...valid, minOrganizationAgeYears: 1.5 }, NOW).minOrganizationAgeYears).toBe(
      'funder.editor.errors.wholeYears',
    );
    expect(validateFund({ ...valid, opensAt: '2027-04-01' }, NOW).opensAt).toBe(
      'funder.editor.errors.opensAfterDeadline',
    );
    expect(validateFund({ ...valid, totalBudget: -5 }, NOW).totalBudget).toBe('funder.editor.errors.positive');
  });

  it('checks the rules of issue 15: income band, size, project budget, region codes', () => {
    const errors = validateFund(
      {
        ...valid,
        minOrganizationAnnualIncome: 50000,
        maxOrganizationAnnualIncome: 10000,
        maxOrganizationMembers: 0,
        maxTotalProjectBudget: -1,
        eligibleRegionsOfResidence: ['FR-IDF', 'Paris'],
      },
      NOW,
    );
    expect(errors).toEqual({
      maxOrganizationAnnualIncome: 'funder.editor.errors.maxIncomeBelowMin',
      maxOrganizationMembers: 'funder.editor.errors.wholePositive',
      maxTotalProjectBudget: 'funder.editor.errors.positive',
      eligibleRegionsOfResidence: 'funder.editor.errors.regionCode',
    });
    const input = toFundInput({
      ...valid,
      requiresNonProfit: true,
      excludedProjectKinds: ['CONSTRUCTION'],
      prioritizedOriginCountries: ['SN'],
      maxOrganizationMembers: 50,
    });
    expect(input).toMatchObject({
      requiresNonProfit: true,
      excludedProjectKinds: ['CONSTRUCTION'],
      prioritizedOriginCountries: ['SN'],
      maxOrganizationMembers: 50,
      minOrganizationAnnualIncome: null,
    });
  });

  it('shows the messages next to their fields, in French too', async () => {
    await i18n.changeLanguage('fr');
    const options = {
      countries: [],
      themes: [{ value: 'HEALTH', label: 'Santé' }],
      sdgs: [],
      organizationKinds: [],
      projectKinds: [],
    };
    render(
      <MantineProvider>
        <FundForm
          values={EMPTY_FUND}
          onChange={() => {}}
          errors={{
            title: i18n.t('funder.editor.errors.required'),
            maxGrant: i18n.t('funder.editor.errors.maxBelowMin'),
          }}
          options={options}
        />
      </MantineProvider>,
    );
    const title = screen.getByRole('textbox', { name: /Titre/ });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const described = (title.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('Obligatoire');
    expect(screen.getByText('La subvention maximale ne peut pas être inférieure à la minimale')).toBeTruthy();
    await i18n.changeLanguage('en');
  }, 30_000);
});

describe('the preview', () => {
  const fetchMock = vi.fn();
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  const candidate = (n: number, withProject: boolean) => ({
    score: 0.5,
    organization: { id: `o${n}`, slug: `org-${n}`, name: `Organization ${n}` },
    project: withProject ? { id: `p${n}`, title: `Project ${n}` } : null,
    reasons: [{ factor: 'THEMES', points: 0.5, detail: 'Shares Health' }],
  });
  const answer = (count: number) =>
    new Response(
      JSON.stringify({ data: { fundCandidates: Array.from({ length: count }, (_, i) => candidate(i, i % 2 === 0)) } }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );

  function renderPreview(version: number) {
    const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange] });
    const tree = (v: number) => (
      <MantineProvider>
        <Provider value={client}>
          <MemoryRouter>
            <FundPreview fundId="fund-1" version={v} pending={false} />
          </MemoryRouter>
        </Provider>
      </MantineProvider>
    );
    const view = render(tree(version));
    return { rerender: (v: number) => view.rerender(tree(v)) };
  }

  it('counts the eligible organizations and those with a project, lists the first ten, and asks again after a save', async () => {
    fetchMock.mockResolvedValueOnce(answer(14)).mockResolvedValueOnce(answer(3));
    const { rerender } = renderPreview(0);
    await waitFor(() =>
      expect(screen.getByTestId('preview-count').textContent).toBe(
        '14 organizations eligible, 7 with an eligible project',
      ),
    );
    expect(screen.getAllByTestId('preview-candidate')).toHaveLength(10);
    const url = new URL(String(fetchMock.mock.calls[0][0]));
    expect(JSON.parse(url.searchParams.get('variables')!)).toEqual({ fundId: 'fund-1', first: 100 });

    rerender(1);
    await waitFor(() =>
      expect(screen.getByTestId('preview-count').textContent).toBe(
        '3 organizations eligible, 2 with an eligible project',
      ),
    );
    expect(screen.getAllByTestId('preview-candidate')).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  }, 30_000);

  it('says "at least" when the page limit is reached', async () => {
    fetchMock.mockResolvedValueOnce(answer(100));
    renderPreview(0);
    await waitFor(() => expect(screen.getByTestId('preview-count').textContent).toMatch(/^At least 100 organizations/));
  });
});

import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import Funding from './Funding';

vi.mock('../../auth/useSession', () => ({
  useSession: () => ({ ready: true, user: { id: 'u1', name: 'Amina', email: 'amina@example.org' } }),
}));

const ORGANIZATION = { id: 'o1', slug: 'accra-makers', name: 'Accra Makers', kind: 'DIASPORA_ORGANIZATION' };
const funder = { id: 'fu1', name: 'Diaspora Fund' };
const fund = (n: number) => ({
  id: `f${n}`,
  title: `Fund ${n}`,
  deadline: `2027-0${1 + (n % 9)}-15T12:00:00.000Z`,
  funder,
});

/** A fund the organization qualifies for, but none of its projects: the project rules that fail. */
const needing = (n: number) => ({
  fund: fund(n),
  failedRules:
    n === 1
      ? [
          {
            rule: 'PROJECT_THEMES',
            passed: false,
            unconfirmed: false,
            detail: 'The fund supports projects on Health or Education',
          },
          {
            rule: 'IMPLEMENTATION',
            passed: false,
            unconfirmed: false,
            detail: 'The project must take place in Ghana',
          },
        ]
      : [
          {
            rule: 'NO_LIVE_PROJECT',
            passed: false,
            unconfirmed: false,
            detail: 'The organization has no live project to apply with',
          },
        ],
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface Answers {
  needing: (first: number) => ReturnType<typeof needing>[];
}

function answerFor(operation: string, variables: Record<string, unknown>, answers: Answers) {
  switch (operation) {
    case 'MyApplicantOrganizations':
      return { me: { id: 'u1', memberships: [{ id: 'm1', role: 'OWNER', organization: ORGANIZATION }] } };
    case 'FundingOverview':
      return {
        organization: { id: 'o1', projects: { nodes: [] } },
        // open funds: one matches, one needs a project, one is neither
        funds: { nodes: [fund(90), fund(1), fund(91)] },
      };
    case 'FundMatches':
      return {
        fundMatches: [
          {
            score: 0.5,
            reasons: [{ factor: 'THEMES', points: 0.5, detail: 'Shares Health' }],
            project: { id: 'p1', title: 'Clinic' },
            fund: { ...fund(90), currency: 'EUR', minGrant: null, maxGrant: null },
          },
        ],
      };
    case 'FundsNeedingAProject':
      return { fundsNeedingAProject: answers.needing(variables.first as number) };
    default:
      throw new Error(`unexpected operation ${operation}`);
  }
}

describe('the funding page: funds the organization could apply to with a suitable project', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const asked: Array<{ operation: string; variables: Record<string, unknown> }> = [];

  beforeEach(async () => {
    await i18n.changeLanguage('en');
    asked.length = 0;
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  function renderPage(answers: Answers) {
    fetchMock.mockImplementation(async (input, init) => {
      const url = new URL(String(input));
      const body = init?.body ? (JSON.parse(String(init.body)) as { query: string; variables: object }) : null;
      const query = body?.query ?? url.searchParams.get('query') ?? '';
      const variables = (body?.variables ?? JSON.parse(url.searchParams.get('variables') ?? '{}')) as Record<
        string,
        unknown
      >;
      const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
      asked.push({ operation, variables });
      return new Response(JSON.stringify({ data: answerFor(operation, variables, answers) }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange] });
    render(
      <MantineProvider>
        <Provider value={client}>
          <MemoryRouter initialEntries={['/funding']}>
            <Funding />
          </MemoryRouter>
        </Provider>
      </MantineProvider>,
    );
  }

  const section = () => screen.getByRole('region', { name: 'Funds you could apply to with a suitable project' });

  it('lists each fund with its deadline, the failing project rules in words and where to create a project', async () => {
    renderPage({ needing: () => [needing(1), needing(2)] });
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(2));
    expect(asked.find((a) => a.operation === 'FundsNeedingAProject')?.variables).toEqual({
      organizationId: 'o1',
      first: 11,
    });

    const [first, second] = screen.getAllByTestId('fund-needing-a-project');
    const link = within(first).getByRole('link', { name: 'Fund 1' });
    expect(link.getAttribute('href')).toBe('/funds/f1?org=o1');
    expect(first.textContent).toContain('Diaspora Fund · Deadline Feb 15, 2027');
    const rules = within(within(first).getByRole('list', { name: 'What a project needs for Fund 1' })).getAllByRole(
      'listitem',
    );
    expect(rules.map((li) => li.textContent)).toEqual([
      '✗Themes of the project — The fund supports projects on Health or Education',
      '✗Country of implementation — The project must take place in Ghana',
    ]);
    expect(within(second).getByRole('listitem').textContent).toBe(
      '✗A live project — The organization has no live project to apply with',
    );
    expect(within(first).getByRole('link', { name: 'Create a project' }).getAttribute('href')).toBe(
      '/organizations/accra-makers/projects/new',
    );
    // no more funds than shown: no "Show more"
    expect(within(section()).queryByRole('button', { name: 'Show more funds' })).toBeNull();
  });

  it('comes after the matches, and a fund listed there is not listed again among the other open funds', async () => {
    renderPage({ needing: () => [needing(1)] });
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByTestId('other-fund')).toHaveLength(1));
    expect(screen.getByTestId('other-fund').textContent).toContain('Fund 91');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Funds that match',
      'Funds you could apply to with a suitable project',
      'Other open funds',
      'Applications',
    ]);
  });

  it('shows ten funds, and ten more at each "Show more", keeping those on screen', async () => {
    const all = range(1, 23).map(needing);
    renderPage({ needing: (first) => all.slice(0, first) });
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(10));

    fireEvent.click(within(section()).getByRole('button', { name: 'Show more funds' }));
    // while the longer list loads, the ten funds stay on screen
    expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(10);
    expect(within(section()).getByRole('button').getAttribute('data-loading')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(20));
    expect(
      screen.getAllByTestId('fund-needing-a-project').map((card) => within(card).getAllByRole('link')[0].textContent),
    ).toEqual(range(1, 20).map((n) => `Fund ${n}`));

    fireEvent.click(within(section()).getByRole('button', { name: 'Show more funds' }));
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(23));
    expect(within(section()).queryByRole('button', { name: 'Show more funds' })).toBeNull();
    expect(asked.filter((a) => a.operation === 'FundsNeedingAProject').map((a) => a.variables.first)).toEqual([
      11, 21, 31,
    ]);
  });

  it('shows no section when there is no such fund (or the user may not see them: the API answers empty)', async () => {
    renderPage({ needing: () => [] });
    await waitFor(() => expect(asked.some((a) => a.operation === 'FundsNeedingAProject')).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId('other-fund')).toHaveLength(2));
    expect(screen.queryByRole('region', { name: 'Funds you could apply to with a suitable project' })).toBeNull();
    expect(screen.queryByText('Funds you could apply to with a suitable project')).toBeNull();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    renderPage({ needing: () => [needing(1)] });
    await waitFor(() => expect(screen.getAllByTestId('fund-needing-a-project')).toHaveLength(1));
    expect(
      screen.getByRole('heading', { name: 'Fonds auxquels vous pourriez candidater avec un projet adapté' }),
    ).toBeTruthy();
    const rules = screen.getByRole('list', { name: 'Ce qu’il faut à un projet pour Fund 1' });
    expect(within(rules).getAllByRole('listitem')[0].textContent).toMatch(/^✗Thèmes du projet — /);
    expect(screen.getByRole('link', { name: 'Créer un projet' })).toBeTruthy();
  });
});

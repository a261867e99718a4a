import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { changedFields, ProfileForm, type ProfileValues } from './ProfileForm';

const initial: ProfileValues = {
  name: 'Accra Makers',
  kind: 'DIASPORA_ORGANIZATION',
  description: 'We teach coding.',
  city: 'Leeds',
  website: 'https://accra.example.org',
  contactEmail: '',
  foundedYear: '2015',
  memberCount: '',
  countriesOfOrigin: ['GH'],
  countriesOfResidence: ['GB'],
  themes: ['EDUCATION'],
  languages: ['en'],
  legallyRegistered: true,
  womenLed: false,
  youthLed: true,
  democraticGovernance: false,
};

// jsdom has no document.fonts, which Mantine's autosizing textarea listens to
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
});

function answer(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

function renderForm() {
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange] });
  render(
    <MantineProvider>
      <Provider value={client}>
        <ProfileForm
          organizationId="org-1"
          initial={initial}
          kinds={['DIASPORA_ORGANIZATION', 'NGO']}
          countries={[
            { value: 'GH', label: 'Ghana' },
            { value: 'GB', label: 'United Kingdom' },
          ]}
          themes={[{ value: 'EDUCATION', label: 'Education' }]}
          languages={[{ value: 'en', label: 'English' }]}
        />
      </Provider>
    </MantineProvider>,
  );
}

/** The texts an input's aria-describedby points at (where Mantine puts its error). */
function description(input: HTMLElement) {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('changedFields', () => {
  it('is empty when nothing changed, whatever the order of a list', () => {
    expect(changedFields(initial, { ...initial, countriesOfOrigin: ['GH'] })).toEqual({});
    const two = { ...initial, countriesOfOrigin: ['GH', 'NG'] };
    expect(changedFields(two, { ...two, countriesOfOrigin: ['NG', 'GH'] })).toEqual({});
  });

  it('names only the changed fields, trims text and sends null for an emptied optional one', () => {
    expect(
      changedFields(initial, { ...initial, description: '  New text ', city: '', foundedYear: '', womenLed: true }),
    ).toEqual({ description: 'New text', city: null, foundedYear: null, womenLed: true });
  });
});

describe('ProfileForm', { timeout: 30_000 }, () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the API’s refusal next to the field it names, and sends only the changed field', async () => {
    fetchMock.mockResolvedValueOnce(
      answer({
        data: null,
        errors: [
          {
            message: 'website must be an http(s) URL',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.website' },
          },
        ],
      }),
    );
    renderForm();
    const website = screen.getByLabelText('Website');
    fireEvent.change(website, { target: { value: 'not a web address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    await waitFor(() => expect(website.getAttribute('aria-invalid')).toBe('true'));
    expect(description(website)).toContain('website must be an http(s) URL');
    expect(screen.getByLabelText('City').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByLabelText(/Name of the organization/).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByTestId('form-error')).toBeNull();

    const body = JSON.parse(String(fetchMock.mock.calls[0][1]?.body)) as {
      variables: { id: string; input: Record<string, unknown> };
    };
    expect(body.variables).toEqual({ id: 'org-1', input: { website: 'not a web address' } });
  });

  it('shows an error that names no field above the form', async () => {
    fetchMock.mockResolvedValueOnce(
      answer({ data: null, errors: [{ message: 'Only OWNER/ADMIN may edit', extensions: { code: 'FORBIDDEN' } }] }),
    );
    renderForm();
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Another text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect((await screen.findByTestId('form-error')).textContent).toBe('Only OWNER/ADMIN may edit');
    expect(screen.getByLabelText('Description').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('asks nothing of the API when nothing changed, nor when the name is emptied', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect((await screen.findByTestId('profile-status')).textContent).toBe('Nothing has changed.');
    fireEvent.change(screen.getByLabelText(/Name of the organization/), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Name of the organization/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

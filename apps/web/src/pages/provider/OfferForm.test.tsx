import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { EMPTY_OFFER, toOfferInput, validateOffer, type OfferValues } from './offer-form';
import { OfferForm } from './OfferForm';

const NOW = new Date('2026-11-29T10:00:00Z');
const t = i18n.getFixedT('en');
const valid: OfferValues = {
  ...EMPTY_OFFER,
  title: 'Project management for associations',
  description: 'Six sessions on planning and reporting.',
  capacityAreas: ['PROJECT_MANAGEMENT'],
  languages: ['fr'],
  startsAt: '2027-02-01T09:00',
  seats: 12,
};

// react-number-format resolves a second copy of React under jsdom (as in FundEditor.test)
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
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
});

describe('the offer editor’s validation', { timeout: 30_000 }, () => {
  it('accepts a complete offer and sends every field as TrainingOfferInput', () => {
    expect(validateOffer(valid, t, NOW)).toEqual({});
    const input = toOfferInput(
      { ...valid, audienceRegions: ['GLOBAL_SOUTH'], audienceCountriesOfResidence: ['SN'], languageRequired: true },
      'p1',
    );
    expect(input).toMatchObject({
      providerId: 'p1',
      seats: 12,
      cost: null,
      audienceRegions: ['GLOBAL_SOUTH'],
      audienceCountriesOfResidence: ['SN'],
      languageRequired: true,
    });
  });

  it('names each field at fault', () => {
    expect(validateOffer(EMPTY_OFFER, t, NOW)).toEqual({
      title: 'Required',
      description: 'Required',
      capacityAreas: 'Choose at least one capacity area',
      languages: 'Choose at least one language',
      startsAt: 'Required',
      seats: 'Required',
    });
    expect(validateOffer({ ...valid, format: 'IN_PERSON' }, t, NOW).country).toBe(
      'In person and hybrid offers need a country',
    );
    expect(validateOffer({ ...valid, startsAt: '2026-01-01T09:00' }, t, NOW).startsAt).toBe(
      'The start must be in the future',
    );
    expect(validateOffer({ ...valid, endsAt: '2027-01-01T09:00' }, t, NOW).endsAt).toBe(
      'The end must be after the start',
    );
    expect(validateOffer({ ...valid, applicationDeadline: '2027-03-01T09:00' }, t, NOW).applicationDeadline).toBe(
      'The enrolment deadline cannot be after the start',
    );
    expect(validateOffer({ ...valid, seats: 0 }, t, NOW).seats).toBe('A whole number between 1 and 10,000');
    expect(validateOffer({ ...valid, costAmount: -5 }, t, NOW).costAmount).toBe('The cost cannot be negative');
  });

  it('shows the errors beside their fields', () => {
    render(
      <MantineProvider>
        <OfferForm
          values={EMPTY_OFFER}
          set={() => {}}
          errors={validateOffer(EMPTY_OFFER, t, NOW)}
          options={{ countries: [], languages: [] }}
        />
      </MantineProvider>,
    );
    expect(screen.getByRole('textbox', { name: /^Title/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('Choose at least one capacity area')).toBeTruthy();
    expect(screen.getByText('Choose at least one language')).toBeTruthy();
  });
});

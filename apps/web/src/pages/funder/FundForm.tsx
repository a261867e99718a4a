import {
  Checkbox,
  Fieldset,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect, MoneyInput } from '../../components/forms/FormFields';
import type { FundField, FundValues } from './fund-form';
import type { CountryGroup } from './shared';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'NOK', 'SEK', 'DKK', 'CAD'];

export interface Option {
  value: string;
  label: string;
}

export interface FundFormOptions {
  countries: CountryGroup[];
  themes: Option[];
  sdgs: Option[];
  organizationKinds: Option[];
  projectKinds: Option[];
}

/**
 * Every rule and priority of a fund as form fields. `errors` holds messages (already translated) by
 * field; the parent validates, saves and previews.
 */
export function FundForm({
  values,
  onChange,
  errors,
  options,
}: {
  values: FundValues;
  onChange: (values: FundValues) => void;
  errors: Partial<Record<FundField, string>>;
  options: FundFormOptions;
}) {
  const { t } = useTranslation();
  const set = <K extends FundField>(key: K, value: FundValues[K]) => onChange({ ...values, [key]: value });
  const money = (
    key:
      | 'totalBudget'
      | 'minGrant'
      | 'maxGrant'
      | 'minOrganizationAnnualIncome'
      | 'maxOrganizationAnnualIncome'
      | 'maxTotalProjectBudget',
  ) => (
    <MoneyInput
      label={t(`funder.editor.${key}`, { currency: values.currency })}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
    />
  );
  const check = (
    key:
      | 'requiresLegalRegistration'
      | 'requiresVerification'
      | 'requiresNonProfit'
      | 'reservedForPreviousGrantees'
      | 'projectInOriginCountry'
      | 'requireAllImplementationCountries'
      | 'prioritizesWomenLed'
      | 'prioritizesYouthLed'
      | 'prioritizesDiasporaLed'
      | 'prioritizesSmallOrganizations'
      | 'prioritizesFirstTimeApplicants',
  ) => (
    <Checkbox
      label={t(`funder.editor.${key}`)}
      checked={values[key]}
      onChange={(e) => set(key, e.currentTarget.checked)}
    />
  );
  const countries = (
    key:
      | 'countriesOfResidence'
      | 'countriesOfOrigin'
      | 'countriesOfImplementation'
      | 'excludedCountriesOfResidence'
      | 'prioritizedOriginCountries',
  ) => (
    <CodeMultiSelect
      label={t(`funder.editor.${key}`)}
      description={t(
        key === 'prioritizedOriginCountries' || key === 'excludedCountriesOfResidence'
          ? 'funder.editor.emptyMeansNone'
          : 'funder.editor.emptyMeansAny',
      )}
      data={options.countries}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
    />
  );
  return (
    <Stack gap="md">
      <Fieldset legend={t('funder.editor.call')}>
        <Stack gap="sm">
          <TextInput
            label={t('funder.editor.fundTitle')}
            required
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('funder.editor.description')}
            required
            autosize
            minRows={3}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('funder.editor.currency')}
              data={CURRENCIES}
              value={values.currency}
              onChange={(e) => set('currency', e.currentTarget.value)}
              error={errors.currency}
            />
            {money('totalBudget')}
            {money('minGrant')}
            {money('maxGrant')}
            <NumberInput
              label={t('funder.editor.coFundingPercent')}
              description={t('funder.editor.coFundingHelp')}
              min={0}
              max={100}
              suffix=" %"
              value={values.coFundingPercent}
              onChange={(v) => set('coFundingPercent', v)}
              error={errors.coFundingPercent}
            />
            <TextInput
              type="date"
              label={t('funder.editor.opensAt')}
              value={values.opensAt}
              onChange={(e) => set('opensAt', e.currentTarget.value)}
              error={errors.opensAt}
            />
            <TextInput
              type="date"
              label={t('funder.editor.deadline')}
              required
              value={values.deadline}
              onChange={(e) => set('deadline', e.currentTarget.value)}
              error={errors.deadline}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('funder.editor.focus')}>
        <Stack gap="sm">
          <MultiSelect
            label={t('funder.editor.themes')}
            required
            searchable
            data={options.themes}
            value={values.themes}
            onChange={(v) => set('themes', v)}
            error={errors.themes}
          />
          <MultiSelect
            label={t('funder.editor.requiredThemes')}
            description={t('funder.editor.requiredThemesHelp')}
            searchable
            data={options.themes}
            value={values.requiredThemes}
            onChange={(v) => set('requiredThemes', v)}
            error={errors.requiredThemes}
          />
          <MultiSelect
            label={t('funder.editor.sdgs')}
            searchable
            data={options.sdgs}
            value={values.sdgs}
            onChange={(v) => set('sdgs', v)}
            error={errors.sdgs}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('funder.editor.applicants')}>
        <Stack gap="sm">
          <MultiSelect
            label={t('funder.editor.organizationKinds')}
            description={t('funder.editor.emptyMeansAny')}
            searchable
            data={options.organizationKinds}
            value={values.organizationKinds}
            onChange={(v) => set('organizationKinds', v)}
            error={errors.organizationKinds}
          />
          {countries('countriesOfResidence')}
          <TagsInput
            label={t('funder.editor.eligibleRegionsOfResidence')}
            description={t('funder.editor.regionsHelp')}
            value={values.eligibleRegionsOfResidence}
            onChange={(v) =>
              set(
                'eligibleRegionsOfResidence',
                v.map((code) => code.trim().toUpperCase()),
              )
            }
            error={errors.eligibleRegionsOfResidence}
          />
          {countries('excludedCountriesOfResidence')}
          {countries('countriesOfOrigin')}
          <NumberInput
            label={t('funder.editor.minOrganizationAgeYears')}
            min={0}
            allowDecimal={false}
            value={values.minOrganizationAgeYears}
            onChange={(v) => set('minOrganizationAgeYears', v)}
            error={errors.minOrganizationAgeYears}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {money('minOrganizationAnnualIncome')}
            {money('maxOrganizationAnnualIncome')}
            <NumberInput
              label={t('funder.editor.maxOrganizationMembers')}
              min={1}
              allowDecimal={false}
              value={values.maxOrganizationMembers}
              onChange={(v) => set('maxOrganizationMembers', v)}
              error={errors.maxOrganizationMembers}
            />
          </SimpleGrid>
          <Stack gap="xs">
            {check('requiresLegalRegistration')}
            {check('requiresVerification')}
            {check('requiresNonProfit')}
            {check('reservedForPreviousGrantees')}
          </Stack>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('funder.editor.projects')}>
        <Stack gap="sm">
          {countries('countriesOfImplementation')}
          <MultiSelect
            label={t('funder.editor.projectKinds')}
            description={t('funder.editor.emptyMeansAny')}
            searchable
            data={options.projectKinds}
            value={values.projectKinds}
            onChange={(v) => set('projectKinds', v)}
            error={errors.projectKinds}
          />
          <MultiSelect
            label={t('funder.editor.excludedProjectKinds')}
            description={t('funder.editor.emptyMeansNone')}
            searchable
            data={options.projectKinds}
            value={values.excludedProjectKinds}
            onChange={(v) => set('excludedProjectKinds', v)}
            error={errors.excludedProjectKinds}
          />
          {money('maxTotalProjectBudget')}
          <Stack gap="xs">
            {check('requireAllImplementationCountries')}
            {check('projectInOriginCountry')}
          </Stack>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('funder.editor.priorities')}>
        <Stack gap="xs">
          {check('prioritizesWomenLed')}
          {check('prioritizesYouthLed')}
          {check('prioritizesDiasporaLed')}
          {check('prioritizesSmallOrganizations')}
          {check('prioritizesFirstTimeApplicants')}
          {countries('prioritizedOriginCountries')}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

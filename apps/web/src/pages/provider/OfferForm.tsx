import {
  Checkbox,
  Fieldset,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect, MoneyInput } from '../../components/forms/FormFields';
import { KINDS } from '../../components/forms/organization-kinds';
import type { Option } from '../../components/forms/reference';
import { AUDIENCE_REGIONS, CAPACITY_AREAS, FORMATS, type OfferField, type OfferValues } from './offer-form';

/** Every field of a training offer (the API's TrainingOfferInput), with the errors beside them. */
export function OfferForm({
  values,
  set,
  errors,
  options,
}: {
  values: OfferValues;
  set: <K extends OfferField>(key: K, value: OfferValues[K]) => void;
  errors: Partial<Record<string, string>>;
  options: { countries: Option[]; languages: Option[] };
}) {
  const { t } = useTranslation();
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);
  return (
    <Stack gap="md">
      <Fieldset legend={t('provider.editor.course')}>
        <Stack gap="sm">
          <TextInput
            label={t('provider.editor.title')}
            required
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            maxLength={150}
          />
          <Textarea
            label={t('provider.editor.description')}
            required
            autosize
            minRows={3}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
            maxLength={8000}
          />
          <MultiSelect
            label={t('provider.editor.capacityAreas')}
            required
            searchable
            data={CAPACITY_AREAS.map((a) => ({ value: a, label: t(`account.capacityArea.${a}`) })).sort(byLabel)}
            value={values.capacityAreas}
            onChange={(v) => set('capacityAreas', v)}
            error={errors.capacityAreas}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('provider.editor.languages')}
            required
            searchable
            data={options.languages}
            value={values.languages}
            onChange={(v) => set('languages', v)}
            error={errors.languages}
            comboboxProps={{ withinPortal: true }}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('provider.editor.where')}>
        <Stack gap="sm">
          <NativeSelect
            label={t('provider.editor.format')}
            data={FORMATS.map((f) => ({ value: f, label: t(`funding.format.${f}`) }))}
            value={values.format}
            onChange={(e) => set('format', e.currentTarget.value as OfferValues['format'])}
            error={errors.format}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('provider.editor.country')}
              description={t('provider.editor.countryHelp')}
              searchable
              clearable
              data={options.countries}
              value={values.country}
              onChange={(v) => set('country', v)}
              error={errors.country}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('provider.editor.city')}
              value={values.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              error={errors.city}
              maxLength={120}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="datetime-local"
              label={t('provider.editor.startsAt')}
              required
              value={values.startsAt}
              onChange={(e) => set('startsAt', e.currentTarget.value)}
              error={errors.startsAt}
            />
            <TextInput
              type="datetime-local"
              label={t('provider.editor.endsAt')}
              value={values.endsAt}
              onChange={(e) => set('endsAt', e.currentTarget.value)}
              error={errors.endsAt}
            />
            <TextInput
              type="datetime-local"
              label={t('provider.editor.applicationDeadline')}
              description={t('provider.editor.deadlineHelp')}
              value={values.applicationDeadline}
              onChange={(e) => set('applicationDeadline', e.currentTarget.value)}
              error={errors.applicationDeadline}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('provider.editor.seatsAndCost')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('provider.editor.seats')}
              required
              min={1}
              max={10000}
              allowDecimal={false}
              value={values.seats}
              onChange={(v) => set('seats', v)}
              error={errors.seats}
            />
            <MoneyInput
              label={t('provider.editor.cost')}
              description={t('provider.editor.costHelp')}
              value={values.costAmount}
              onChange={(v) => set('costAmount', v)}
              error={errors.costAmount ?? errors.cost ?? errors.amount}
            />
            <TextInput
              label={t('provider.editor.currency')}
              maxLength={3}
              value={values.costCurrency}
              onChange={(e) => set('costCurrency', e.currentTarget.value.toUpperCase())}
              error={errors.costCurrency ?? errors.currency}
            />
          </SimpleGrid>
          <Checkbox
            label={t('provider.editor.subsidyAvailable')}
            checked={values.subsidyAvailable}
            onChange={(e) => set('subsidyAvailable', e.currentTarget.checked)}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('provider.editor.audience')}>
        <Stack gap="sm">
          <CodeMultiSelect
            label={t('provider.editor.eligibleOrganizationKinds')}
            description={t('provider.editor.emptyMeansAny')}
            data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })).sort(byLabel)}
            value={values.eligibleOrganizationKinds}
            onChange={(v) => set('eligibleOrganizationKinds', v)}
            error={errors.eligibleOrganizationKinds}
          />
          <CodeMultiSelect
            label={t('provider.editor.audienceRegions')}
            description={t('provider.editor.audienceHelp')}
            data={AUDIENCE_REGIONS.map((r) => ({ value: r, label: t(`provider.region.${r}`) }))}
            value={values.audienceRegions}
            onChange={(v) => set('audienceRegions', v)}
            error={errors.audienceRegions}
          />
          <CodeMultiSelect
            label={t('provider.editor.audienceCountriesOfResidence')}
            description={t('provider.editor.audienceHelp')}
            data={options.countries}
            value={values.audienceCountriesOfResidence}
            onChange={(v) => set('audienceCountriesOfResidence', v)}
            error={errors.audienceCountriesOfResidence}
          />
          <Checkbox
            label={t('provider.editor.languageRequired')}
            description={t('provider.editor.languageRequiredHelp')}
            checked={values.languageRequired}
            onChange={(e) => set('languageRequired', e.currentTarget.checked)}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

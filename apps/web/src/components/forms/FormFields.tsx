import { MultiSelect, NumberInput, type ComboboxData } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A searchable, clearable multi-select of codes (countries, regions, kinds…), its options grouped or
 * not, its list in a portal so it is not cut by the form's container. The fund editor and the offer
 * editor use it for every country and region rule.
 */
export function CodeMultiSelect({
  label,
  description,
  data,
  value,
  onChange,
  error,
  required,
}: {
  label: ReactNode;
  description?: ReactNode;
  data: ComboboxData;
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      nothingFoundMessage={t('forms.nothingFound')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The interface language's digit grouping and decimal mark, for amounts typed in a form. */
export function moneySeparators(lang: string) {
  return { thousandSeparator: lang === 'en' ? ',' : ' ', decimalSeparator: lang === 'en' ? '.' : ',' };
}

/** An amount of money (never negative), grouped as the interface language writes numbers. */
export function MoneyInput({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: ReactNode;
  description?: ReactNode;
  value: number | string;
  onChange: (value: number | string) => void;
  error?: ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <NumberInput
      label={label}
      description={description}
      min={0}
      {...moneySeparators(i18n.language)}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

/** Each language is named in itself (a reader of French looks for "Français"). */
const OWN_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('nav.interfaceLanguage')}
      size="sm"
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => void changeLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((code) => ({ value: code, label: OWN_NAMES[code] }))}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { byLabel, countryName, languageName } from '../../i18n/names';

/**
 * The reference lists behind the organization fields and the directory's filters: one query for
 * every page, so urql's cache answers it once per session (it changes with a deployment, not a click).
 */
export const ReferenceData = graphql(`
  query ReferenceData {
    countries {
      code
      name
    }
    themes {
      code
      name
    }
    languages {
      code
      name
    }
  }
`);

export interface Option {
  value: string;
  label: string;
}

export interface ReferenceOptions {
  countries: Option[];
  themes: Option[];
  languages: Option[];
  /** false until the lists have arrived */
  loaded: boolean;
}

/** The reference lists as options, named in the interface language and sorted for it. */
export function useReferenceOptions({ pause = false }: { pause?: boolean } = {}): ReferenceOptions {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data }] = useQuery({ query: ReferenceData, pause, requestPolicy: 'cache-first' });
  return {
    countries: (data?.countries ?? [])
      .map((c) => ({ value: c.code, label: countryName(c.code, lang, c.name) }))
      .sort(byLabel(lang)),
    themes: (data?.themes ?? []).map((th) => ({ value: th.code, label: th.name })).sort(byLabel(lang)),
    languages: (data?.languages ?? [])
      .map((l) => ({ value: l.code, label: languageName(l.code, lang, l.name) }))
      .sort(byLabel(lang)),
    loaded: !!data,
  };
}

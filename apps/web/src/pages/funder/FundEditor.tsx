import { Alert, Anchor, Badge, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { OrganizationKind, ProjectKind } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { EMPTY_FUND, fromFund, toFundInput, validateFund, type FundField, type FundValues } from './fund-form';
import { FundForm, type FundFormOptions } from './FundForm';
import { FundPreview } from './FundPreview';
import { countryGroups, NoFunder, useFunders } from './shared';

const ORGANIZATION_KINDS: OrganizationKind[] = [
  'ACADEMIC',
  'DIASPORA_NETWORK',
  'DIASPORA_ORGANIZATION',
  'FAITH_BASED',
  'MIGRANT_ASSOCIATION',
  'NGO',
  'TRADE_UNION',
  'PRIVATE_SECTOR',
  'FUNDER',
  'GOVERNMENT_AGENCY',
  'INTERNATIONAL_ORGANIZATION',
  'LOCAL_AUTHORITY',
  'TRAINING_PROVIDER',
] as OrganizationKind[];
const PROJECT_KINDS: ProjectKind[] = [
  'CAPACITY_BUILDING',
  'CONSTRUCTION',
  'EMERGENCY_RELIEF',
  'ENTREPRENEURSHIP',
  'HUMANITARIAN',
  'IN_KIND_DONATION',
  'KNOWLEDGE_TRANSFER',
  'POLICY_ADVOCACY',
  'REMITTANCES',
  'RETURN_AND_REINTEGRATION',
  'SOCIAL_INVESTMENT',
] as ProjectKind[];

/** How long the editor waits after the last change before saving the draft (and so refreshing the preview). */
export const SAVE_DEBOUNCE_MS = 300;

const FundEditorData = graphql(`
  query FundEditorData($language: String) {
    countries(language: $language) {
      code
      name
      region
    }
    themes(language: $language) {
      code
      name
    }
    sdgs {
      number
      title
    }
  }
`);

const EditedFund = graphql(`
  query EditedFund($id: ID!) {
    fund(id: $id) {
      id
      status
      title
      description
      currency
      totalBudget
      minGrant
      maxGrant
      coFundingPercent
      opensAt
      deadline
      prioritizesWomenLed
      prioritizesYouthLed
      prioritizesDiasporaLed
      prioritizesSmallOrganizations
      prioritizesFirstTimeApplicants
      prioritizedOriginCountries
      eligibleRegionsOfResidence
      excludedCountriesOfResidence
      excludedProjectKinds
      requiredThemes
      projectInOriginCountry
      requireAllImplementationCountries
      requiresNonProfit
      reservedForPreviousGrantees
      minOrganizationAnnualIncome
      maxOrganizationAnnualIncome
      maxOrganizationMembers
      maxTotalProjectBudget
      themes {
        code
      }
      sdgs {
        number
      }
      funder {
        id
        name
        verification
      }
      eligibility {
        countriesOfResidence {
          code
        }
        countriesOfOrigin {
          code
        }
        countriesOfImplementation {
          code
        }
        organizationKinds
        projectKinds
        minOrganizationAgeYears
        requiresLegalRegistration
        requiresVerification
      }
    }
  }
`);

const CreateFund = graphql(`
  mutation CreateFund($input: FundInput!) {
    createFund(input: $input) {
      id
      status
    }
  }
`);

const UpdateFund = graphql(`
  mutation UpdateFundDraft($id: ID!, $input: UpdateFundInput!) {
    updateFund(id: $id, input: $input) {
      id
      status
      title
    }
  }
`);

const PublishFund = graphql(`
  mutation PublishFund($id: ID!) {
    publishFund(id: $id) {
      id
      status
    }
  }
`);

function useOptions(): FundFormOptions | null {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data }] = useQuery({ query: FundEditorData, variables: { language: lang } });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(lang);
    const sort = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    return {
      countries: countryGroups(data.countries, lang, (region) =>
        t(`funder.region.${region}`, { defaultValue: region }),
      ),
      themes: data.themes.map((th) => ({ value: th.code, label: th.name })).sort(sort),
      sdgs: data.sdgs.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.title}` })),
      organizationKinds: ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })).sort(sort),
      projectKinds: PROJECT_KINDS.map((k) => ({
        value: k,
        // the kinds added with issue 15's rules are named in the funder strings until the projects' have them
        label: t(`projects.kinds.${k}`, { defaultValue: t(`funder.projectKind.${k}`, { defaultValue: k }) }),
      })).sort(sort),
    };
  }, [data, lang, t]);
}

type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

/**
 * The fund editor: a new fund is saved as a draft with its first "Save as draft"; a draft then saves
 * itself as it is edited (debounced) and the preview beside the form asks the API which
 * organizations the saved rules select. Publishing opens the call.
 */
export default function FundEditor() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, ready, loading, chosen } = useFunders();
  const options = useOptions();
  const [{ data: stored, fetching: loadingFund, error: fundError }] = useQuery({
    query: EditedFund,
    variables: { id: id ?? '' },
    pause: !id || !user,
    requestPolicy: 'network-only',
  });
  const [values, setValues] = useState<FundValues | null>(id ? null : EMPTY_FUND);
  const [touched, setTouched] = useState<Set<FundField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [version, setVersion] = useState(0);
  // set before publishFund is sent: the cache may show the fund OPEN (and redirect below) before the call returns
  const [publishing, setPublishing] = useState(false);
  const [, createFund] = useMutation(CreateFund);
  const [, updateFund] = useMutation(UpdateFund);
  const [{ fetching: sendingPublish }, publishFund] = useMutation(PublishFund);
  const saveSeq = useRef(0);

  const fund = stored?.fund;
  useEffect(() => {
    if (fund && values === null) setValues(fromFund(fund));
  }, [fund, values]);

  const clientErrors = values ? validateFund(values) : {};
  const shownErrors: Partial<Record<FundField, string>> = {};
  for (const [field, key] of Object.entries(clientErrors) as Array<[FundField, string]>)
    if (showAll || touched.has(field)) shownErrors[field] = t(key);
  for (const [field, message] of Object.entries(serverErrors))
    if (!shownErrors[field as FundField]) shownErrors[field as FundField] = message;

  /** Saves the draft (when the form is valid); true when the stored draft now holds these values. */
  async function persist(next: FundValues): Promise<boolean> {
    if (!id || Object.keys(validateFund(next)).length > 0) {
      setSaveState(id ? 'invalid' : 'idle');
      return false;
    }
    const seq = ++saveSeq.current;
    setSaveState('saving');
    const result = await updateFund({ id, input: toFundInput(next) });
    if (seq !== saveSeq.current) return false;
    if (result.error) {
      const errors = formErrors(result.error);
      setServerErrors(errors.fields);
      setGeneral(errors.general);
      setSaveState('failed');
      return false;
    }
    setServerErrors({});
    setGeneral(null);
    setSaveState('saved');
    setVersion((v) => v + 1);
    return true;
  }
  const save = useDebouncedCallback((next: FundValues) => void persist(next), SAVE_DEBOUNCE_MS);

  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (loading || !options || (id && (loadingFund || (!values && fund)))) return <Loading />;
  if (!id && !chosen) return <NoFunder title={t('funder.editor.newTitle')} />;
  if (id && (!fund || fundError)) {
    return (
      <Container size="md">
        <Title order={1}>{t('funding.fundNotFound')}</Title>
        <Anchor component={Link} to="/funder">
          {t('funder.backToFunds')}
        </Anchor>
      </Container>
    );
  }
  if (!values) return <Loading />;
  if (fund && fund.status !== 'DRAFT')
    return <Navigate to={`/funder/funds/${fund.id}/candidates${publishing ? '?published=1' : ''}`} replace />;

  const change = (next: FundValues) => {
    const changed = (Object.keys(next) as FundField[]).filter((k) => next[k] !== values[k]);
    setTouched((prev) => new Set([...prev, ...changed]));
    setServerErrors((prev) => {
      const rest = { ...prev };
      for (const k of changed) delete rest[k];
      return rest;
    });
    setValues(next);
    if (id) {
      setSaveState('saving');
      void save(next);
    }
  };

  async function createDraft() {
    setShowAll(true);
    setGeneral(null);
    if (!chosen || Object.keys(validateFund(values!)).length > 0) return;
    const result = await createFund({ input: { ...toFundInput(values!), funderId: chosen.id } });
    if (result.data) {
      navigate(`/funder/funds/${result.data.createFund.id}/edit`, { replace: true });
      return;
    }
    const errors = formErrors(result.error);
    setServerErrors(errors.fields);
    setGeneral(errors.general);
  }

  async function publish() {
    setShowAll(true);
    setGeneral(null);
    if (!id || Object.keys(validateFund(values!)).length > 0) return;
    save.cancel();
    if (!(await persist(values!))) return;
    setPublishing(true);
    const result = await publishFund({ id });
    setPublishing(Boolean(result.data));
    if (result.data) {
      navigate(`/funder/funds/${id}/candidates?published=1`);
      return;
    }
    const errors = formErrors(result.error);
    setServerErrors(errors.fields);
    setGeneral(errors.general);
  }

  const funderName = fund?.funder.name ?? chosen?.name ?? '';
  return (
    <Container size="xl">
      <Stack gap="md">
        <div>
          <Anchor component={Link} to="/funder" size="sm">
            {t('funder.backToFunds')}
          </Anchor>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1}>{id ? t('funder.editor.editTitle') : t('funder.editor.newTitle')}</Title>
            {id && (
              <Badge color="gray" variant="light" c="dark.8">
                {t('funding.fundStatus.DRAFT')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">{funderName}</Text>
        </div>
        {general && (
          <Alert color="red" role="alert" data-testid="form-error">
            {general}
          </Alert>
        )}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: id ? 7 : 12 }}>
            <form
              noValidate
              aria-labelledby="editor-form"
              onSubmit={(e) => {
                e.preventDefault();
                void (id ? publish() : createDraft());
              }}
            >
              <Stack gap="md">
                <Text id="editor-form" size="sm" c="dimmed">
                  {id ? t('funder.editor.autosaveHelp') : t('funder.editor.newHelp')}
                </Text>
                <FundForm values={values} onChange={change} errors={shownErrors} options={options} />
                <Group gap="sm" wrap="wrap">
                  {id ? (
                    <>
                      <Button type="submit" loading={publishing || sendingPublish}>
                        {t('funder.editor.publish')}
                      </Button>
                      <Text size="sm" role="status" data-testid="save-state" data-state={saveState}>
                        {saveState === 'idle' ? '' : t(`funder.editor.saveState.${saveState}`)}
                      </Text>
                    </>
                  ) : (
                    <Button type="submit">{t('funder.editor.saveDraft')}</Button>
                  )}
                </Group>
                {id && fund?.funder.verification !== 'VERIFIED' && (
                  <Text size="sm">{t('funder.editor.verifiedToPublish')}</Text>
                )}
              </Stack>
            </form>
          </Grid.Col>
          {id && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <div style={{ position: 'sticky', top: 72 }}>
                <FundPreview fundId={id} version={version} pending={saveState === 'saving'} />
              </div>
            </Grid.Col>
          )}
        </Grid>
      </Stack>
    </Container>
  );
}

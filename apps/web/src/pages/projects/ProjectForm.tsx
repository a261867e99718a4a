import {
  Alert,
  Button,
  Container,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { ProjectKind, ProjectStatus, UpdateProjectInput } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { byLabel, countryName } from '../../i18n/names';
import { numberOf } from './membership';

export const PROJECT_KINDS: ProjectKind[] = [
  'CAPACITY_BUILDING',
  'ENTREPRENEURSHIP',
  'HUMANITARIAN',
  'KNOWLEDGE_TRANSFER',
  'POLICY_ADVOCACY',
  'REMITTANCES',
  'RETURN_AND_REINTEGRATION',
  'SOCIAL_INVESTMENT',
];
export const PROJECT_STATUSES: ProjectStatus[] = [
  'IDEA',
  'PLANNING',
  'SEEKING_FUNDING',
  'ACTIVE',
  'COMPLETED',
  'CANCELLED',
];

const ProjectFormReference = graphql(`
  query ProjectFormReference {
    countries {
      code
      name
    }
    themes {
      code
      name
    }
    sdgs {
      number
      title
    }
  }
`);

const OrganizationForProject = graphql(`
  query OrganizationForProject($slug: String!) {
    organization(slug: $slug) {
      id
      name
    }
  }
`);

const ProjectToEdit = graphql(`
  query ProjectToEdit($id: ID!) {
    project(id: $id) {
      id
      title
      summary
      kind
      status
      locality
      startDate
      endDate
      beneficiaries
      budget {
        amount
        currency
      }
      fundingSought {
        amount
        currency
      }
      countries {
        code
      }
      themes {
        code
      }
      sdgs {
        number
      }
      organization {
        id
        name
      }
    }
  }
`);

const CreateProject = graphql(`
  mutation CreateProject($input: ProjectInput!) {
    createProject(input: $input) {
      id
    }
  }
`);

const UpdateProject = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
    }
  }
`);

interface Values {
  title: string;
  summary: string;
  kind: ProjectKind;
  status: ProjectStatus;
  countries: string[];
  themes: string[];
  sdgs: string[];
  locality: string;
  startDate: string;
  endDate: string;
  beneficiaries: string;
  budgetAmount: string;
  budgetCurrency: string;
  fundingAmount: string;
  fundingCurrency: string;
}

const BLANK: Values = {
  title: '',
  summary: '',
  kind: 'KNOWLEDGE_TRANSFER',
  status: 'IDEA',
  countries: [],
  themes: [],
  sdgs: [],
  locality: '',
  startDate: '',
  endDate: '',
  beneficiaries: '',
  budgetAmount: '',
  budgetCurrency: 'EUR',
  fundingAmount: '',
  fundingCurrency: 'EUR',
};

type Loaded = NonNullable<NonNullable<ReturnType<typeof useEditQuery>[0]['data']>['project']>;
function useEditQuery(id: string | undefined) {
  return useQuery({ query: ProjectToEdit, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
}

function valuesOf(p: Loaded): Values {
  return {
    title: p.title,
    summary: p.summary,
    kind: p.kind,
    status: p.status,
    countries: p.countries.map((c) => c.code),
    themes: p.themes.map((c) => c.code),
    sdgs: p.sdgs.map((s) => String(s.number)),
    locality: p.locality ?? '',
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    beneficiaries: p.beneficiaries != null ? String(p.beneficiaries) : '',
    budgetAmount: p.budget ? String(p.budget.amount) : '',
    budgetCurrency: p.budget?.currency ?? 'EUR',
    fundingAmount: p.fundingSought ? String(p.fundingSought.amount) : '',
    fundingCurrency: p.fundingSought?.currency ?? 'EUR',
  };
}

const money = (amount: string, currency: string) => {
  const n = numberOf(amount);
  return n === undefined ? null : { amount: n, currency: currency.trim().toUpperCase() };
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (list: string[]) => [...list].sort();

/** The fields that differ from the stored project: an edit never sends (and so never wipes) the others. */
export function changedFields(before: Values, after: Values): UpdateProjectInput {
  const input: UpdateProjectInput = {};
  const text = (v: string) => v.trim();
  const optional = (v: string) => (v.trim() ? v.trim() : null);
  if (text(after.title) !== before.title) input.title = text(after.title);
  if (text(after.summary) !== before.summary) input.summary = text(after.summary);
  if (after.kind !== before.kind) input.kind = after.kind;
  if (after.status !== before.status) input.status = after.status;
  if (!same(sorted(after.countries), sorted(before.countries))) input.countries = after.countries;
  if (!same(sorted(after.themes), sorted(before.themes))) input.themes = after.themes;
  if (!same(sorted(after.sdgs), sorted(before.sdgs))) input.sdgs = after.sdgs.map(Number);
  if (optional(after.locality) !== optional(before.locality)) input.locality = optional(after.locality);
  if (optional(after.startDate) !== optional(before.startDate)) input.startDate = optional(after.startDate);
  if (optional(after.endDate) !== optional(before.endDate)) input.endDate = optional(after.endDate);
  if (numberOf(after.beneficiaries) !== numberOf(before.beneficiaries))
    input.beneficiaries = numberOf(after.beneficiaries) ?? null;
  const budget = money(after.budgetAmount, after.budgetCurrency);
  if (!same(budget, money(before.budgetAmount, before.budgetCurrency))) input.budget = budget;
  const funding = money(after.fundingAmount, after.fundingCurrency);
  if (!same(funding, money(before.fundingAmount, before.fundingCurrency))) input.fundingSought = funding;
  return input;
}

/** Registers a project (/organizations/:slug/projects/new) or edits one (/projects/:id/edit). */
export default function ProjectForm() {
  const { slug, id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { user, ready } = useSession();
  const [{ data: reference }] = useQuery({ query: ProjectFormReference, pause: !user });
  const [{ data: orgData, fetching: orgFetching }] = useQuery({
    query: OrganizationForProject,
    variables: { slug: slug ?? '' },
    pause: !slug || !user,
  });
  const [{ data: editData, fetching: editFetching }] = useEditQuery(user ? id : undefined);
  const [creating, create] = useMutation(CreateProject);
  const [updating, update] = useMutation(UpdateProject);
  const [values, setValues] = useState<Values>(BLANK);
  const [initial, setInitial] = useState<Values | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const loaded = editData?.project;
  useEffect(() => {
    if (loaded && !initial) {
      const v = valuesOf(loaded);
      setInitial(v);
      setValues(v);
    }
  }, [loaded, initial]);

  const here = id ? `/projects/${id}/edit` : `/organizations/${slug}/projects/new`;
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: here }} />;
  if (id && !loaded) return editFetching || !ready ? <Loading /> : <Title order={1}>{t('projects.notFound')}</Title>;
  if (slug && !orgData?.organization)
    return orgFetching || !ready ? <Loading /> : <Title order={1}>{t('organization.notFound')}</Title>;
  const organization = id ? loaded!.organization : orgData!.organization!;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const countries = (reference?.countries ?? [])
    .map((c) => ({ value: c.code, label: countryName(c.code, lang, c.name) }))
    .sort(byLabel(lang));
  const themes = (reference?.themes ?? []).map((th) => ({ value: th.code, label: th.name })).sort(byLabel(lang));
  const sdgs = (reference?.sdgs ?? []).map((s) => ({ value: String(s.number), label: `${s.number}. ${s.title}` }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.title.trim()) missing.title = t('auth.required');
    if (!values.summary.trim()) missing.summary = t('auth.required');
    if (values.beneficiaries.trim() && numberOf(values.beneficiaries) === undefined)
      missing.beneficiaries = t('projects.numberRequired');
    if (values.budgetAmount.trim() && numberOf(values.budgetAmount) === undefined)
      missing.budget = t('projects.numberRequired');
    if (values.fundingAmount.trim() && numberOf(values.fundingAmount) === undefined)
      missing.fundingSought = t('projects.numberRequired');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    let result;
    if (id && initial) {
      const input = changedFields(initial, values);
      if (Object.keys(input).length === 0) return navigate(`/projects/${id}`);
      result = await update({ id, input });
      if (result.data) return navigate(`/projects/${id}`);
    } else {
      const input = changedFields(BLANK, values);
      result = await create({
        input: {
          ...input,
          organizationId: organization.id,
          title: values.title.trim(),
          summary: values.summary.trim(),
          kind: values.kind,
          status: values.status,
          countries: values.countries,
          themes: values.themes,
          locality: input.locality ?? undefined,
          startDate: input.startDate ?? undefined,
          endDate: input.endDate ?? undefined,
          beneficiaries: input.beneficiaries ?? undefined,
          budget: input.budget ?? undefined,
          fundingSought: input.fundingSought ?? undefined,
        },
      });
      if (result.data) return navigate(`/projects/${result.data.createProject.id}`);
    }
    const errors = formErrors(result.error);
    // a money field's error names its part (budget.amount / budget.currency): show it on the amount
    const path = (e: unknown) => (typeof e === 'string' ? e : '');
    for (const e of result.error?.graphQLErrors ?? []) {
      const field = path(e.extensions?.field);
      for (const m of ['budget', 'fundingSought'])
        if (field.includes(`${m}.`) && !errors.fields[m]) errors.fields[m] = e.message;
    }
    setFields(errors.fields);
    setGeneral(errors.general);
  }

  return (
    <Container size="sm">
      <Title order={1} mb="xs">
        {id ? t('projects.editTitle') : t('projects.createTitle')}
      </Title>
      <Title order={2} size="h5" c="dimmed" mb="md">
        {organization.name}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="form-error">
              {general}
            </Alert>
          )}
          <TextInput
            label={t('projects.title')}
            required
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fields.title}
          />
          <Textarea
            label={t('projects.summary')}
            required
            autosize
            minRows={3}
            value={values.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={fields.summary}
          />
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label={t('projects.kind')}
              data={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kinds.${k}`) })).sort(byLabel(lang))}
              value={values.kind}
              onChange={(e) => set('kind', e.currentTarget.value as ProjectKind)}
              error={fields.kind}
            />
            <NativeSelect
              label={t('projects.status')}
              data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
              value={values.status}
              onChange={(e) => set('status', e.currentTarget.value as ProjectStatus)}
              error={fields.status}
            />
          </Group>
          <MultiSelect
            label={t('projects.countries')}
            searchable
            data={countries}
            value={values.countries}
            onChange={(v) => set('countries', v)}
            error={fields.countries}
          />
          <TextInput
            label={t('projects.locality')}
            value={values.locality}
            onChange={(e) => set('locality', e.currentTarget.value)}
            error={fields.locality}
          />
          <MultiSelect
            label={t('projects.themes')}
            searchable
            data={themes}
            value={values.themes}
            onChange={(v) => set('themes', v)}
            error={fields.themes}
          />
          <MultiSelect
            label={t('projects.sdgs')}
            searchable
            data={sdgs}
            value={values.sdgs}
            onChange={(v) => set('sdgs', v)}
            error={fields.sdgs}
          />
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              type="date"
              label={t('projects.startDate')}
              value={values.startDate}
              onChange={(e) => set('startDate', e.currentTarget.value)}
              error={fields.startDate}
            />
            <TextInput
              type="date"
              label={t('projects.endDate')}
              value={values.endDate}
              onChange={(e) => set('endDate', e.currentTarget.value)}
              error={fields.endDate}
            />
          </Group>
          <TextInput
            label={t('projects.beneficiaries')}
            inputMode="numeric"
            value={values.beneficiaries}
            onChange={(e) => set('beneficiaries', e.currentTarget.value)}
            error={fields.beneficiaries}
          />
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t('projects.budget')}
              inputMode="decimal"
              value={values.budgetAmount}
              onChange={(e) => set('budgetAmount', e.currentTarget.value)}
              error={fields.budget}
            />
            <TextInput
              label={t('projects.budgetCurrency')}
              maxLength={3}
              value={values.budgetCurrency}
              onChange={(e) => set('budgetCurrency', e.currentTarget.value)}
              error={fields.currency}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t('projects.fundingSought')}
              inputMode="decimal"
              value={values.fundingAmount}
              onChange={(e) => set('fundingAmount', e.currentTarget.value)}
              error={fields.fundingSought}
            />
            <TextInput
              label={t('projects.fundingCurrency')}
              maxLength={3}
              value={values.fundingCurrency}
              onChange={(e) => set('fundingCurrency', e.currentTarget.value)}
            />
          </Group>
          <Button type="submit" loading={creating.fetching || updating.fetching}>
            {id ? t('projects.save') : t('projects.submitCreate')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}

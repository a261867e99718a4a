import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { formErrors, type FormErrors } from '../../graphql/errors';
import { countryName } from '../../i18n/names';
import { IndicatorCard } from './IndicatorCard';
import { numberOf, useRoleIn } from './membership';

const ProjectDetails = graphql(`
  query ProjectDetails($id: ID!) {
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
      archivedAt
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
      organization {
        id
        slug
        name
      }
      partners {
        id
        slug
        name
      }
      indicators {
        id
        name
        unit
        baseline
        target
        progress
        measurements {
          id
          measuredOn
          value
          note
        }
      }
    }
  }
`);

const AddIndicator = graphql(`
  mutation AddIndicator($projectId: ID!, $name: String!, $unit: String!, $baseline: Float!, $target: Float!) {
    addIndicator(projectId: $projectId, name: $name, unit: $unit, baseline: $baseline, target: $target) {
      id
    }
  }
`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const EMPTY = { name: '', unit: '', baseline: '', target: '' };

/** A project's public page; its organization's members also add and correct indicators and measurements here. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProjectDetails, variables: { id } });
  const project = data?.project;
  const { role } = useRoleIn(project?.organization.id);
  const [adding, addIndicator] = useMutation(AddIndicator);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (error && !data) {
    if (error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND')) return <NotFoundProject />;
    return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  }
  if (!data) return fetching ? <Loading /> : null;
  if (!project) return <NotFoundProject />;

  const editable = role !== null && !project.archivedAt;
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const fmtDay = (d: string) => day.format(new Date(`${d}T00:00:00Z`));
  const money = (m: { amount: number; currency: string }) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency: m.currency, maximumFractionDigits: 0 }).format(m.amount);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const baseline = numberOf(values.baseline);
    const target = numberOf(values.target);
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = t('auth.required');
    if (!values.unit.trim()) local.unit = t('auth.required');
    if (baseline === undefined) local.baseline = t('projects.numberRequired');
    if (target === undefined) local.target = t('projects.numberRequired');
    if (Object.keys(local).length) return setErrors({ fields: local, general: null });
    const result = await addIndicator({
      projectId: id,
      name: values.name.trim(),
      unit: values.unit.trim(),
      baseline: baseline!,
      target: target!,
    });
    if (result.error) return setErrors(formErrors(result.error));
    setErrors({ fields: {}, general: null });
    setValues(EMPTY);
    refresh();
  }

  const facts: [string, string][] = [
    [t('projects.kind'), t(`projects.kinds.${project.kind}`)],
    [t('projects.countries'), project.countries.map((c) => countryName(c.code, lang, c.name)).join(', ') || '—'],
  ];
  if (project.locality) facts.push([t('projects.locality'), project.locality]);
  if (project.startDate) facts.push([t('projects.startDate'), fmtDay(project.startDate)]);
  if (project.endDate) facts.push([t('projects.endDate'), fmtDay(project.endDate)]);
  if (project.beneficiaries != null)
    facts.push([t('projects.beneficiaries'), new Intl.NumberFormat(lang).format(project.beneficiaries)]);
  if (project.budget) facts.push([t('projects.budget'), money(project.budget)]);
  if (project.fundingSought) facts.push([t('projects.fundingSought'), money(project.fundingSought)]);

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1}>{project.title}</Title>
            <Badge variant="light" c="gray.9" color="gray">
              {t(`projectStatus.${project.status}`)}
            </Badge>
            {project.archivedAt && (
              <Badge variant="outline" c="gray.9">
                {t('projects.archived')}
              </Badge>
            )}
          </Group>
          <Text>
            {t('projects.by')}{' '}
            <Anchor component={Link} to={`/organizations/${project.organization.slug}`}>
              {project.organization.name}
            </Anchor>
          </Text>
          {editable && (
            <Group gap="xs" mt="xs">
              <Button component={Link} to={`/projects/${project.id}/edit`} variant="light" size="sm">
                {t('projects.edit')}
              </Button>
              <Button
                component={Link}
                to={`/organizations/${project.organization.slug}/partners?project=${project.id}`}
                variant="light"
                size="sm"
              >
                {t('projects.partners.findForProject')}
              </Button>
            </Group>
          )}
        </Stack>
        <Section title={t('projects.about')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{project.summary}</Text>
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', marginTop: 12 }}>
            {facts.map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <Text component="dt" fw={600} size="sm">
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {value}
                </Text>
              </div>
            ))}
          </dl>
          {project.themes.length + project.sdgs.length > 0 && (
            <Group gap={6} mt="sm">
              {project.themes.map((theme) => (
                <Badge key={theme.code} variant="light" c="teal.9">
                  {theme.name}
                </Badge>
              ))}
              {project.sdgs.map((sdg) => (
                <Badge key={sdg.number} variant="outline" c="blue.9" title={sdg.title}>
                  {t('projects.sdg', { number: sdg.number })}
                </Badge>
              ))}
            </Group>
          )}
        </Section>
        <Section title={t('projects.indicators')}>
          <Stack gap="md">
            {project.indicators.length === 0 && <Text>{t('projects.noIndicators')}</Text>}
            {project.indicators.map((indicator) => (
              <IndicatorCard key={indicator.id} indicator={indicator} editable={editable} onChanged={refresh} />
            ))}
            {editable && (
              <form onSubmit={add} noValidate aria-labelledby="add-indicator-title">
                <Stack gap="xs">
                  <Title order={3} size="h5" id="add-indicator-title">
                    {t('projects.addIndicator')}
                  </Title>
                  {errors.general && (
                    <Alert color="red" role="alert">
                      {errors.general}
                    </Alert>
                  )}
                  <TextInput
                    label={t('projects.indicatorName')}
                    required
                    value={values.name}
                    onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
                    error={errors.fields.name}
                  />
                  <Group grow wrap="wrap" align="flex-start">
                    <TextInput
                      label={t('projects.unit')}
                      required
                      value={values.unit}
                      onChange={(e) => setValues({ ...values, unit: e.currentTarget.value })}
                      error={errors.fields.unit}
                    />
                    <TextInput
                      label={t('projects.baseline')}
                      required
                      inputMode="decimal"
                      value={values.baseline}
                      onChange={(e) => setValues({ ...values, baseline: e.currentTarget.value })}
                      error={errors.fields.baseline}
                    />
                    <TextInput
                      label={t('projects.target')}
                      required
                      inputMode="decimal"
                      value={values.target}
                      onChange={(e) => setValues({ ...values, target: e.currentTarget.value })}
                      error={errors.fields.target}
                    />
                  </Group>
                  <Button type="submit" loading={adding.fetching} style={{ alignSelf: 'flex-start' }}>
                    {t('projects.addIndicatorSubmit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Section>
        <Section title={t('projects.partners.projectPartners')}>
          {project.partners.length === 0 ? (
            <Text>{t('projects.partners.noProjectPartners')}</Text>
          ) : (
            <List>
              {project.partners.map((o) => (
                <List.Item key={o.id}>
                  <Anchor component={Link} to={`/organizations/${o.slug}`}>
                    {o.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </Stack>
    </Container>
  );
}

function NotFoundProject() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text mt="md">{t('projects.notFound')}</Text>
    </Container>
  );
}

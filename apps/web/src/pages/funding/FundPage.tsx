import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EligibilityChecklist } from '../../components/matching/EligibilityChecklist';
import { Loading } from '../../components/Loading';
import {
  formatDate,
  formatMoney,
  OrganizationChooser,
  useChosenOrganization,
} from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';

const FundDetails = graphql(`
  query FundDetails($id: ID!, $organizationId: ID!, $signedIn: Boolean!) {
    fund(id: $id) {
      id
      title
      description
      status
      deadline
      currency
      minGrant
      maxGrant
      coFundingPercent
      funder {
        id
        slug
        name
      }
      themes {
        code
        name
      }
    }
    organization(id: $organizationId) @include(if: $signedIn) {
      id
      projects(first: 100) {
        nodes {
          id
          title
        }
      }
    }
  }
`);

const FundEligibility = graphql(`
  query FundEligibility($fundId: ID!, $organizationId: ID!, $projectId: ID) {
    checkEligibility(fundId: $fundId, organizationId: $organizationId, projectId: $projectId) {
      eligible
      checks {
        rule
        passed
        unconfirmed
        detail
      }
    }
  }
`);

const ApplyToFund = graphql(`
  mutation ApplyToFund(
    $fundId: ID!
    $projectId: ID!
    $requestedAmount: MoneyInput!
    $statement: String!
    $draft: Boolean
  ) {
    applyToFund(
      fundId: $fundId
      projectId: $projectId
      requestedAmount: $requestedAmount
      statement: $statement
      draft: $draft
    ) {
      id
      status
    }
  }
`);

/** A fund: what it is, the eligibility checklist of the chosen organization (and project), and applying. */
export default function FundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user, ready, loading, organizations, chosen, choose } = useChosenOrganization();
  const organizationId = chosen?.id ?? '';
  const [projectId, setProjectId] = useState(params.get('project') ?? '');
  const [amount, setAmount] = useState<number | string>('');
  const [statement, setStatement] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: FundDetails,
    variables: { id, organizationId, signedIn: Boolean(organizationId) },
    // visitors see the fund (what the API shows anyone); members see it with their organization's projects
    pause: !ready || loading,
  });
  const [{ data: report }] = useQuery({
    query: FundEligibility,
    variables: { fundId: id, organizationId, projectId: projectId || null },
    pause: !organizationId || !data?.fund,
  });
  const [{ fetching: applying }, apply] = useMutation(ApplyToFund);
  if (loading || (fetching && !data)) return <Loading />;
  const fund = data?.fund;
  if (!fund) {
    return (
      <Container size="md">
        <Title order={1}>{t('funding.fundNotFound')}</Title>
        {error && <Text>{error.graphQLErrors[0]?.message ?? error.message}</Text>}
      </Container>
    );
  }
  const projects = data?.organization?.projects.nodes ?? [];

  async function submit(draft: boolean) {
    const missing: Record<string, string> = {};
    if (!projectId) missing.projectId = t('auth.required');
    if (amount === '' || amount === null) missing.amount = t('auth.required');
    if (!statement.trim()) missing.statement = t('auth.required');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    const result = await apply({
      fundId: id,
      projectId,
      requestedAmount: { amount: Number(amount), currency: fund!.currency },
      statement: statement.trim(),
      draft,
    });
    if (result.data) {
      navigate(`/applications/${result.data.applyToFund.id}`);
      return;
    }
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
  }

  return (
    <Container size="md">
      <Stack gap="lg">
        <div>
          <Title order={1}>{fund.title}</Title>
          <Text c="dimmed">
            <Anchor component={Link} to={`/organizations/${fund.funder.slug}`} underline="always">
              {fund.funder.name}
            </Anchor>{' '}
            · {t(`funding.fundStatus.${fund.status}`)} ·{' '}
            {t('funding.deadline', { date: formatDate(fund.deadline, lang) })}
          </Text>
          {fund.maxGrant !== null && (
            <Text size="sm">
              {t('funding.grantRange', {
                min: formatMoney(fund.minGrant ?? 0, fund.currency, lang),
                max: formatMoney(fund.maxGrant, fund.currency, lang),
              })}
              {fund.coFundingPercent ? ` · ${t('funding.coFunding', { percent: fund.coFundingPercent })}` : ''}
            </Text>
          )}
          <Text mt="sm" style={{ whiteSpace: 'pre-line' }}>
            {fund.description}
          </Text>
          {fund.themes.length > 0 && (
            <Text size="sm" mt="xs">
              {t('funding.themes')}: {fund.themes.map((th) => th.name).join(', ')}
            </Text>
          )}
        </div>

        {ready && !user && (
          <Card withBorder padding="md" data-testid="sign-in-to-check">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text>{t('catalogue.signInToCheck')}</Text>
              <Button component={Link} to="/sign-in" state={{ from: `/funds/${id}` }}>
                {t('catalogue.signIn')}
              </Button>
            </Group>
          </Card>
        )}

        {chosen && (
          <section aria-labelledby="eligibility-title">
            <Title order={2} size="h3" id="eligibility-title" mb="sm">
              {t('funding.eligibility.title', { name: chosen.name })}
            </Title>
            <Group align="flex-end" gap="md" wrap="wrap" mb="sm">
              <OrganizationChooser organizations={organizations} chosen={chosen} choose={choose} />
              <NativeSelect
                label={t('funding.project')}
                data={[
                  { value: '', label: t('funding.chooseProject') },
                  ...projects.map((p) => ({ value: p.id, label: p.title })),
                ]}
                value={projectId}
                onChange={(e) => setProjectId(e.currentTarget.value)}
                error={fields.projectId}
                maw={420}
              />
            </Group>
            {report ? <EligibilityChecklist {...report.checkEligibility} /> : <Loading />}
          </section>
        )}

        {chosen && fund.status === 'OPEN' && (
          <section aria-labelledby="apply-title">
            <Title order={2} size="h3" id="apply-title" mb="sm">
              {t('funding.apply.title')}
            </Title>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void submit(false);
              }}
            >
              <Stack>
                {general && (
                  <Alert color="red" role="alert" data-testid="form-error">
                    {general}
                  </Alert>
                )}
                {!projectId && <Text size="sm">{t('funding.apply.chooseProjectFirst')}</Text>}
                <NumberInput
                  label={t('funding.apply.amount', { currency: fund.currency })}
                  required
                  min={0}
                  thousandSeparator={lang === 'en' ? ',' : ' '}
                  decimalSeparator={lang === 'en' ? '.' : ','}
                  value={amount}
                  onChange={setAmount}
                  error={fields.amount ?? fields.requestedAmount}
                  maw={300}
                />
                <Textarea
                  label={t('funding.apply.statement')}
                  required
                  autosize
                  minRows={4}
                  value={statement}
                  onChange={(e) => setStatement(e.currentTarget.value)}
                  error={fields.statement}
                />
                <Group gap="sm">
                  <Button variant="default" loading={applying} onClick={() => void submit(true)}>
                    {t('funding.apply.saveDraft')}
                  </Button>
                  <Button type="submit" loading={applying}>
                    {t('funding.apply.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </section>
        )}
      </Stack>
    </Container>
  );
}

import { Anchor, Badge, Card, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import {
  formatDate,
  formatMoney,
  OrganizationChooser,
  useChosenOrganization,
} from '../../components/matching/OrganizationChooser';
import { ReasonsBar } from '../../components/matching/ReasonsBar';
import { graphql } from '../../gql';
import { FundsNeedingAProject, useFundsNeedingAProject } from './FundsNeedingAProject';

const FundingOverview = graphql(`
  query FundingOverview($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      projects(first: 100) {
        nodes {
          id
          title
          applications {
            id
            status
            createdAt
            submittedAt
            requestedAmount {
              amount
              currency
            }
            fund {
              id
              title
            }
          }
        }
      }
    }
    funds(first: 50, openOnly: true) {
      nodes {
        id
        title
        deadline
        funder {
          id
          name
        }
      }
    }
  }
`);

const FundMatches = graphql(`
  query FundMatches($organizationId: ID!, $projectId: ID) {
    fundMatches(organizationId: $organizationId, projectId: $projectId, first: 20) {
      score
      reasons {
        factor
        points
        detail
      }
      project {
        id
        title
      }
      fund {
        id
        title
        deadline
        currency
        minGrant
        maxGrant
        funder {
          id
          name
        }
      }
    }
  }
`);

export const STATUS_COLORS: Record<string, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'indigo',
  SHORTLISTED: 'violet',
  AWARDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'dark',
};

/** Fund matches of the organization or of one of its projects, with the points of each reason, and its applications. */
export default function Funding() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready, loading, organizations, chosen, choose } = useChosenOrganization();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project') ?? '';
  const setProjectId = (id: string) =>
    setParams(
      (p) => {
        if (id) p.set('project', id);
        else p.delete('project');
        return p;
      },
      { replace: true },
    );
  const organizationId = chosen?.id ?? '';
  const [{ data: overview }] = useQuery({
    query: FundingOverview,
    variables: { organizationId },
    pause: !organizationId,
  });
  const [{ data: matches, fetching: matching, error }] = useQuery({
    query: FundMatches,
    variables: { organizationId, projectId: projectId || null },
    pause: !organizationId,
  });
  const needing = useFundsNeedingAProject(organizationId);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/funding' }} />;
  if (loading) return <Loading />;
  const projects = overview?.organization?.projects.nodes ?? [];
  const applications = projects
    .flatMap((p) => p.applications.map((a) => ({ ...a, project: p })))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // a fund listed among the matches or among those needing a project is not listed again as "other"
  const matched = new Set([...(matches?.fundMatches ?? []), ...needing.funds].map((m) => m.fund.id));
  const others = (overview?.funds.nodes ?? []).filter((f) => !matched.has(f.id));
  const query = organizationId ? `?org=${organizationId}${projectId ? `&project=${projectId}` : ''}` : '';

  return (
    <Container size="md">
      <Title order={1} mb="md">
        {t('funding.title')}
      </Title>
      {!chosen ? (
        <Text>{t('funding.noOrganization')}</Text>
      ) : (
        <Stack gap="lg">
          <Group align="flex-end" gap="md" wrap="wrap">
            <OrganizationChooser organizations={organizations} chosen={chosen} choose={choose} />
            <NativeSelect
              label={t('funding.matchFor')}
              data={[
                { value: '', label: t('funding.wholeOrganization', { name: chosen.name }) },
                ...projects.map((p) => ({ value: p.id, label: p.title })),
              ]}
              value={projectId}
              onChange={(e) => setProjectId(e.currentTarget.value)}
              maw={420}
            />
          </Group>

          <section aria-labelledby="fund-matches">
            <Title order={2} size="h3" id="fund-matches" mb="sm">
              {t('funding.matches')}
            </Title>
            {error && <Text c="red.9">{error.graphQLErrors[0]?.message ?? error.message}</Text>}
            {matching && !matches && <Loading />}
            {matches && matches.fundMatches.length === 0 && <Text>{t('funding.noMatches')}</Text>}
            <Stack gap="sm">
              {matches?.fundMatches.map((m) => (
                <Card key={m.fund.id} withBorder padding="md" component="article" data-testid="fund-match">
                  <Anchor component={Link} to={`/funds/${m.fund.id}${query}`} fw={600}>
                    {m.fund.title}
                  </Anchor>
                  <Text size="sm" c="dimmed" mb="xs">
                    {m.fund.funder.name} · {t('funding.deadline', { date: formatDate(m.fund.deadline, lang) })}
                    {m.fund.maxGrant !== null &&
                      ` · ${t('funding.grantRange', {
                        min: formatMoney(m.fund.minGrant ?? 0, m.fund.currency, lang),
                        max: formatMoney(m.fund.maxGrant, m.fund.currency, lang),
                      })}`}
                  </Text>
                  <ReasonsBar id={`match-${m.fund.id}`} reasons={m.reasons} score={m.score} />
                </Card>
              ))}
            </Stack>
          </section>

          <FundsNeedingAProject
            organizationSlug={chosen.slug}
            linkQuery={organizationId ? `?org=${organizationId}` : ''}
            funds={needing.funds}
            hasMore={needing.hasMore}
            loadingMore={needing.loadingMore}
            onMore={needing.more}
          />

          {others.length > 0 && (
            <section aria-labelledby="other-funds">
              <Title order={2} size="h3" id="other-funds" mb="xs">
                {t('funding.otherFunds')}
              </Title>
              <Text size="sm" mb="sm">
                {t('funding.otherFundsHelp')}
              </Text>
              <Stack gap={4} component="ul" m={0} pl="md">
                {others.map((f) => (
                  <li key={f.id} data-testid="other-fund">
                    <Anchor component={Link} to={`/funds/${f.id}${query}`}>
                      {f.title}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      · {f.funder.name}
                    </Text>
                  </li>
                ))}
              </Stack>
            </section>
          )}

          <section aria-labelledby="my-applications">
            <Title order={2} size="h3" id="my-applications" mb="sm">
              {t('funding.myApplications')}
            </Title>
            {applications.length === 0 && <Text>{t('funding.noApplications')}</Text>}
            <Stack gap="xs">
              {applications.map((a) => (
                <Card key={a.id} withBorder padding="sm" data-testid="application">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/applications/${a.id}`} fw={600}>
                      {a.fund.title}
                    </Anchor>
                    <Badge color={STATUS_COLORS[a.status]} c="dark.8" variant="light">
                      {t(`funding.status.${a.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {a.project.title} · {formatMoney(a.requestedAmount.amount, a.requestedAmount.currency, lang)} ·{' '}
                    {formatDate(a.submittedAt ?? a.createdAt, lang)}
                  </Text>
                </Card>
              ))}
            </Stack>
          </section>
        </Stack>
      )}
    </Container>
  );
}

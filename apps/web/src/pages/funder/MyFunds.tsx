import { Anchor, Badge, Button, Card, Container, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate, formatMoney } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { APPLICATION_STATUS_COLORS, FUND_STATUS_COLORS, FunderChooser, NoFunder, useFunders } from './shared';

const FunderFunds = graphql(`
  query FunderFunds($funderId: ID!) {
    organization(id: $funderId) {
      id
      name
      funds(first: 100) {
        totalCount
        nodes {
          id
          title
          status
          deadline
          currency
          totalBudget
          budgetUsed
          budgetLeft
        }
      }
    }
  }
`);

const FundApplicationCounts = graphql(`
  query FundApplicationCounts($funderId: ID!, $fundId: ID!) {
    fundApplicationsInbox(funderId: $funderId, filter: { fundId: $fundId }, first: 1) {
      totalCount
      countsByStatus {
        status
        count
      }
    }
  }
`);

const SECTIONS = ['DRAFT', 'OPEN', 'CLOSED'] as const;

type FundRow = NonNullable<
  NonNullable<ReturnType<typeof useFunderFunds>['data']>['organization']
>['funds']['nodes'][number];

function useFunderFunds(funderId: string) {
  const [result] = useQuery({ query: FunderFunds, variables: { funderId }, pause: !funderId });
  return result;
}

/** The counts of a fund's submitted applications by status (drafts are the applicants' own). */
function ApplicationCounts({ funderId, fundId }: { funderId: string; fundId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: FundApplicationCounts, variables: { funderId, fundId } });
  const inbox = data?.fundApplicationsInbox;
  if (!inbox) return null;
  if (inbox.totalCount === 0) return <Text size="sm">{t('funder.funds.noApplications')}</Text>;
  return (
    <Group gap={6} wrap="wrap" data-testid="application-counts" aria-label={t('funder.funds.applicationsByStatus')}>
      {inbox.countsByStatus.map((c) => (
        <Badge key={c.status} color={APPLICATION_STATUS_COLORS[c.status]} variant="light" c="dark.8">
          {t(`funding.status.${c.status}`)}: {c.count}
        </Badge>
      ))}
    </Group>
  );
}

function FundCard({ fund, funderId }: { fund: FundRow; funderId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const used = fund.budgetUsed ?? 0;
  const share = fund.totalBudget ? Math.min(100, (used / fund.totalBudget) * 100) : 0;
  return (
    <Card withBorder component="article" data-testid="funder-fund" aria-labelledby={`fund-${fund.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`fund-${fund.id}`}>
            {fund.title}
          </Title>
          <Badge color={FUND_STATUS_COLORS[fund.status]} variant="light" c="dark.8" style={{ flexShrink: 0 }}>
            {t(`funding.fundStatus.${fund.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('funding.deadline', { date: formatDate(fund.deadline, lang) })}
        </Text>
        {fund.totalBudget !== null && fund.totalBudget !== undefined ? (
          <div>
            <Text size="sm" data-testid="budget-used">
              {t('funder.funds.budget', {
                used: formatMoney(used, fund.currency, lang),
                total: formatMoney(fund.totalBudget, fund.currency, lang),
                left: formatMoney(fund.budgetLeft ?? fund.totalBudget - used, fund.currency, lang),
              })}
            </Text>
            <Progress value={share} aria-label={t('funder.funds.budgetShare')} mt={4} />
          </div>
        ) : (
          <Text size="sm">{t('funder.funds.awardedNoBudget', { used: formatMoney(used, fund.currency, lang) })}</Text>
        )}
        {fund.status !== 'DRAFT' && <ApplicationCounts funderId={funderId} fundId={fund.id} />}
        <Group gap="sm" wrap="wrap">
          {fund.status === 'DRAFT' ? (
            <Button component={Link} to={`/funder/funds/${fund.id}/edit`} size="xs">
              {t('funder.funds.edit')}
            </Button>
          ) : (
            <>
              <Anchor component={Link} to={`/funder/funds/${fund.id}/candidates`} size="sm">
                {t('funder.funds.candidates')}
              </Anchor>
              <Anchor component={Link} to={`/funder/applications?funder=${funderId}&fund=${fund.id}`} size="sm">
                {t('funder.funds.applications')}
              </Anchor>
              <Anchor component={Link} to={`/funds/${fund.id}`} size="sm">
                {t('funder.funds.publicPage')}
              </Anchor>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** My funds: the funds of the funder organizations the user manages, by status, with budget and applications. */
export default function MyFunds() {
  const { t } = useTranslation();
  const { user, ready, loading, funders, chosen, choose } = useFunders();
  const funderId = chosen?.id ?? '';
  const { data, fetching } = useFunderFunds(funderId);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/funder' }} />;
  if (loading) return <Loading />;
  if (!chosen) return <NoFunder title={t('funder.funds.title')} />;
  const funds = data?.organization?.funds.nodes ?? [];
  return (
    <Container size="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1}>{t('funder.funds.title')}</Title>
            <Text c="dimmed">{chosen.name}</Text>
          </div>
          <Group gap="sm" wrap="wrap">
            <Button component={Link} to={`/funder/funds/new?funder=${funderId}`}>
              {t('funder.funds.new')}
            </Button>
            <Button component={Link} to={`/funder/applications?funder=${funderId}`} variant="default">
              {t('funder.inbox.title')}
            </Button>
          </Group>
        </Group>
        <FunderChooser funders={funders} chosen={chosen} choose={choose} />
        {fetching && !data ? (
          <Loading />
        ) : (
          SECTIONS.map((status) => {
            const list = funds.filter((f) => f.status === status);
            return (
              <section key={status} aria-labelledby={`section-${status}`}>
                <Title order={2} size="h3" id={`section-${status}`} mb="sm">
                  {t(`funder.funds.section.${status}`, { count: list.length })}
                </Title>
                {list.length === 0 ? (
                  <Text size="sm">{t('funder.funds.none')}</Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    {list.map((fund) => (
                      <FundCard key={fund.id} fund={fund} funderId={funderId} />
                    ))}
                  </SimpleGrid>
                )}
              </section>
            );
          })
        )}
      </Stack>
    </Container>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Grid,
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
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ApplicationHistory } from '../../components/ApplicationHistory';
import { Loading } from '../../components/Loading';
import { formatDate, formatMoney } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import type { ApplicationStatus } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { DecideApplication, download, ExportCsv } from './Candidates';
import { APPLICATION_STATUS_COLORS, FunderChooser, NoFunder, useFunders } from './shared';

const PAGE_SIZE = 10;
const STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED', 'AWARDED', 'REJECTED', 'WITHDRAWN'];

/** The decisions a funder may take from each status (the API's transitions). */
export const NEXT_DECISIONS: Record<string, string[]> = {
  SUBMITTED: ['UNDER_REVIEW', 'SHORTLISTED', 'REJECTED'],
  UNDER_REVIEW: ['SHORTLISTED', 'AWARDED', 'REJECTED'],
  SHORTLISTED: ['AWARDED', 'REJECTED'],
};

const InboxFunds = graphql(`
  query InboxFunds($funderId: ID!) {
    organization(id: $funderId) {
      id
      funds(first: 100) {
        nodes {
          id
          title
          status
        }
      }
    }
  }
`);

const Inbox = graphql(`
  query FunderInbox($funderId: ID!, $filter: ApplicationsInboxFilter, $first: Int, $after: String) {
    fundApplicationsInbox(funderId: $funderId, filter: $filter, first: $first, after: $after) {
      totalCount
      countsByStatus {
        status
        count
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        statement
        submittedAt
        decidedAt
        decisionNote
        requestedAmount {
          amount
          currency
        }
        awardedAmount {
          amount
          currency
        }
        organization {
          id
          slug
          name
        }
        project {
          id
          title
          summary
          indicators {
            id
            name
            unit
            baseline
            target
            progress
          }
        }
        fund {
          id
          title
          currency
          minGrant
          maxGrant
          totalBudget
          budgetUsed
          budgetLeft
        }
        history {
          id
          fromStatus
          toStatus
          note
          createdAt
        }
      }
    }
  }
`);

type Application = NonNullable<ReturnType<typeof useInbox>[0]['data']>['fundApplicationsInbox']['nodes'][number];

function useInbox(variables: {
  funderId: string;
  filter: { fundId?: string; status?: ApplicationStatus[] };
  first: number;
  after: string | null;
}) {
  return useQuery({ query: Inbox, variables, pause: !variables.funderId });
}

/** The fund's budget: used, left, total; always in view beside the decision. */
function Budget({ fund }: { fund: Application['fund'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Alert
      color="blue"
      variant="light"
      data-testid="budget-left"
      title={t('funder.inbox.budgetTitle', { fund: fund.title })}
    >
      {fund.totalBudget !== null && fund.totalBudget !== undefined
        ? t('funder.funds.budget', {
            used: formatMoney(fund.budgetUsed ?? 0, fund.currency, lang),
            total: formatMoney(fund.totalBudget, fund.currency, lang),
            left: formatMoney(fund.budgetLeft ?? 0, fund.currency, lang),
          })
        : t('funder.funds.awardedNoBudget', { used: formatMoney(fund.budgetUsed ?? 0, fund.currency, lang) })}
    </Alert>
  );
}

function Decision({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fund = application.fund;
  const [amount, setAmount] = useState<number | string>(application.requestedAmount.amount);
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, decide] = useMutation(DecideApplication);
  const next = NEXT_DECISIONS[application.status] ?? [];
  if (next.length === 0) return null;
  const ceiling = Math.min(fund.maxGrant ?? Infinity, fund.budgetLeft ?? Infinity);

  async function run(status: string) {
    const missing: Record<string, string> = {};
    if (status === 'REJECTED' && !note.trim()) missing.note = t('funder.inbox.noteRequired');
    if (status === 'AWARDED') {
      const value = Number(amount);
      if (amount === '' || !Number.isFinite(value) || value <= 0) missing.awardedAmount = t('auth.required');
      else if (value > ceiling)
        missing.awardedAmount = t('funder.inbox.aboveCeiling', { max: formatMoney(ceiling, fund.currency, lang) });
      else if (fund.minGrant && value < fund.minGrant)
        missing.awardedAmount = t('funder.inbox.belowMin', { min: formatMoney(fund.minGrant, fund.currency, lang) });
    }
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    const result = await decide({
      id: application.id,
      status: status as ApplicationStatus,
      note: note.trim() || null,
      awardedAmount: status === 'AWARDED' ? Number(amount) : null,
    });
    if (result.error) {
      const errors = formErrors(result.error);
      setFields(errors.fields);
      setGeneral(errors.general);
      return;
    }
    setNote('');
    onDone(t('funder.inbox.decided', { status: t(`funding.status.${status}`) }));
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="decision-title">
      <Title order={3} size="h4" id="decision-title">
        {t('funder.inbox.decision')}
      </Title>
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      {next.includes('AWARDED') && (
        <NumberInput
          label={t('funder.inbox.awardAmount', { currency: fund.currency })}
          description={
            Number.isFinite(ceiling)
              ? t('funder.inbox.awardCeiling', { max: formatMoney(ceiling, fund.currency, lang) })
              : undefined
          }
          min={0}
          value={amount}
          onChange={setAmount}
          error={fields.awardedAmount}
          maw={320}
        />
      )}
      <Textarea
        label={t('funder.inbox.note')}
        description={t('funder.inbox.noteHelp')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fields.note}
      />
      <Group gap="sm" wrap="wrap">
        {next.map((status) => (
          <Button
            key={status}
            color={status === 'REJECTED' ? 'red' : undefined}
            variant={status === 'REJECTED' ? 'outline' : status === 'AWARDED' ? 'filled' : 'default'}
            loading={fetching}
            onClick={() => void run(status)}
          >
            {t(`funder.inbox.action.${status}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

function Detail({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const a = application;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (
    <Card withBorder component="section" aria-labelledby="detail-title" data-testid="application-detail">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="detail-title">
            {a.organization.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <Badge color={APPLICATION_STATUS_COLORS[a.status]} variant="light" c="dark.8" data-testid="detail-status">
              {t(`funding.status.${a.status}`)}
            </Badge>
            <Text size="sm">{a.fund.title}</Text>
          </Group>
          <Text size="sm">
            {t('funding.application.requested', {
              amount: formatMoney(a.requestedAmount.amount, a.requestedAmount.currency, lang),
            })}
            {a.awardedAmount &&
              ` · ${t('funding.application.awarded', {
                amount: formatMoney(a.awardedAmount.amount, a.awardedAmount.currency, lang),
              })}`}
          </Text>
          <Anchor component={Link} to={`/organizations/${a.organization.slug}`} size="sm">
            {t('funder.candidates.openProfile')}
          </Anchor>
        </div>
        <Budget fund={a.fund} />
        <div>
          <Title order={3} size="h4">
            {t('funding.apply.statement')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{a.statement}</Text>
        </div>
        <div>
          <Title order={3} size="h4">
            {t('funder.inbox.project')}
          </Title>
          <Anchor component={Link} to={`/projects/${a.project.id}`}>
            {a.project.title}
          </Anchor>
          <Text size="sm">{a.project.summary}</Text>
          {a.project.indicators.length > 0 ? (
            <ul>
              {a.project.indicators.map((i) => (
                <li key={i.id}>
                  <Text size="sm">
                    {t('funder.inbox.indicator', {
                      name: i.name,
                      baseline: number.format(i.baseline),
                      target: number.format(i.target),
                      unit: i.unit,
                      progress:
                        i.progress === null || i.progress === undefined
                          ? t('funder.inbox.notMeasured')
                          : new Intl.NumberFormat(lang, { style: 'percent' }).format(i.progress),
                    })}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm">{t('funder.inbox.noIndicators')}</Text>
          )}
        </div>
        <Decision key={`${a.id}-${a.status}`} application={a} onDone={onDone} />
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('funding.application.timeline')}
          </Title>
          <ApplicationHistory history={a.history} testId="decision-history" />
        </div>
      </Stack>
    </Card>
  );
}

/** The applications submitted to the funder's funds: filters, pages, and the decision on each. */
export default function ApplicationsInbox() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready, loading, funders, chosen, choose } = useFunders();
  const [params, setParams] = useSearchParams();
  const funderId = chosen?.id ?? '';
  const fundId = params.get('fund') ?? '';
  const status = params.get('status') ?? '';
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const [message, setMessage] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [{ data: fundsData }] = useQuery({ query: InboxFunds, variables: { funderId }, pause: !funderId });
  const [{ data, fetching }, reload] = useInbox({
    funderId,
    filter: { ...(fundId ? { fundId } : {}), ...(status ? { status: [status as ApplicationStatus] } : {}) },
    first: PAGE_SIZE,
    after,
  });
  const [{ fetching: exporting }, exportCsv] = useMutation(ExportCsv);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/funder/applications' }} />;
  if (loading) return <Loading />;
  if (!chosen) return <NoFunder title={t('funder.inbox.title')} />;
  const inbox = data?.fundApplicationsInbox;
  const selectedId = params.get('application');
  const selected = inbox?.nodes.find((a) => a.id === selectedId) ?? null;
  const setParam = (key: string, value: string) => {
    setCursors([null]);
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        if (key !== 'application') p.delete('application');
        return p;
      },
      { replace: true },
    );
  };
  const funds = (fundsData?.organization?.funds.nodes ?? []).filter((f) => f.status !== 'DRAFT');

  async function exportApplications() {
    setGeneral(null);
    const result = await exportCsv({
      kind: 'FUND_APPLICATIONS' as never,
      params: fundId ? { fundId } : { funderId },
    });
    if (result.data) download(result.data.exportCsv.url, result.data.exportCsv.fileName);
    else setGeneral(formErrors(result.error).general ?? t('app.error'));
  }

  return (
    <Container size="xl">
      <Stack gap="md">
        <div>
          <Anchor component={Link} to={`/funder?funder=${funderId}`} size="sm">
            {t('funder.backToFunds')}
          </Anchor>
          <Title order={1}>{t('funder.inbox.title')}</Title>
          <Text c="dimmed">{chosen.name}</Text>
        </div>
        <FunderChooser funders={funders} chosen={chosen} choose={choose} />
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('funder.inbox.fund')}
            data={[
              { value: '', label: t('funder.inbox.allFunds') },
              ...funds.map((f) => ({ value: f.id, label: f.title })),
            ]}
            value={fundId}
            onChange={(e) => setParam('fund', e.currentTarget.value)}
            maw={420}
          />
          <NativeSelect
            label={t('funder.inbox.status')}
            data={[
              { value: '', label: t('funder.inbox.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`funding.status.${s}`) })),
            ]}
            value={status}
            onChange={(e) => setParam('status', e.currentTarget.value)}
          />
          <Button variant="default" onClick={() => void exportApplications()} loading={exporting}>
            {t('funder.inbox.export')}
          </Button>
        </Group>
        {inbox && (
          <Group gap={6} wrap="wrap" data-testid="inbox-counts">
            {inbox.countsByStatus.map((c) => (
              <Badge key={c.status} color={APPLICATION_STATUS_COLORS[c.status]} variant="light" c="dark.8">
                {t(`funding.status.${c.status}`)}: {c.count}
              </Badge>
            ))}
          </Group>
        )}
        {message && (
          <Alert color="green" role="status" data-testid="inbox-message">
            {message}
          </Alert>
        )}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {!inbox ? (
          fetching ? (
            <Loading />
          ) : null
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="xs">
                <Text size="sm" role="status">
                  {t('funder.inbox.total', { count: inbox.totalCount })}
                </Text>
                {inbox.nodes.length === 0 && <Text>{t('funder.inbox.empty')}</Text>}
                <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {inbox.nodes.map((a) => (
                    <Card
                      key={a.id}
                      withBorder
                      padding="sm"
                      component="li"
                      data-testid="inbox-application"
                      bg={a.id === selectedId ? 'teal.0' : undefined}
                    >
                      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                        <div>
                          <Anchor
                            component={Link}
                            to={`?${new URLSearchParams({ ...Object.fromEntries(params), application: a.id })}`}
                            fw={600}
                            aria-current={a.id === selectedId ? 'true' : undefined}
                          >
                            {a.organization.name}
                          </Anchor>
                          <Text size="sm">{a.fund.title}</Text>
                          <Text size="xs" c="dimmed">
                            {formatMoney(a.requestedAmount.amount, a.requestedAmount.currency, lang)} ·{' '}
                            {formatDate(a.submittedAt, lang)}
                          </Text>
                        </div>
                        <Badge
                          color={APPLICATION_STATUS_COLORS[a.status]}
                          variant="light"
                          c="dark.8"
                          style={{ flexShrink: 0 }}
                        >
                          {t(`funding.status.${a.status}`)}
                        </Badge>
                      </Group>
                    </Card>
                  ))}
                </Stack>
                <Group gap="sm">
                  <Button
                    variant="default"
                    size="xs"
                    disabled={cursors.length < 2}
                    onClick={() => setCursors((c) => c.slice(0, -1))}
                  >
                    {t('projects.previous')}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={!inbox.pageInfo.hasNextPage}
                    onClick={() => setCursors((c) => [...c, inbox.pageInfo.endCursor ?? null])}
                  >
                    {t('projects.next')}
                  </Button>
                </Group>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {selected ? (
                <Detail
                  application={selected}
                  onDone={(text) => {
                    setMessage(text);
                    reload({ requestPolicy: 'network-only' });
                  }}
                />
              ) : (
                <Text c="dimmed">{t('funder.inbox.choose')}</Text>
              )}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Container>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { ReasonsBar } from '../../components/matching/ReasonsBar';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';
import { APPLICATION_STATUS_COLORS, FUND_STATUS_COLORS } from './shared';

const FundCandidates = graphql(`
  query FunderFundCandidates($fundId: ID!, $first: Int!) {
    fund(id: $fundId) {
      id
      title
      status
      deadline
      currency
      funder {
        id
        name
      }
      applications(first: 100) {
        id
        status
        organization {
          id
        }
      }
      shortlist {
        shortlistedAt
        organization {
          id
        }
      }
    }
    fundCandidates(fundId: $fundId, first: $first) {
      score
      organization {
        id
        slug
        name
        verification
      }
      project {
        id
        title
      }
      reasons {
        factor
        points
        detail
      }
    }
  }
`);

export const DecideApplication = graphql(`
  mutation DecideApplication($id: ID!, $status: ApplicationStatus!, $note: String, $awardedAmount: Float) {
    decideApplication(id: $id, status: $status, note: $note, awardedAmount: $awardedAmount) {
      id
      status
      decidedAt
      decisionNote
      awardedAmount {
        amount
        currency
      }
      history {
        id
        fromStatus
        toStatus
        note
        createdAt
      }
      fund {
        id
        budgetUsed
        budgetLeft
      }
    }
  }
`);

const ShortlistCandidate = graphql(`
  mutation ShortlistCandidate($fundId: ID!, $organizationId: ID!) {
    shortlistCandidate(fundId: $fundId, organizationId: $organizationId) {
      id
      shortlist {
        shortlistedAt
        organization {
          id
        }
      }
    }
  }
`);

const RemoveFromShortlist = graphql(`
  mutation RemoveFromShortlist($fundId: ID!, $organizationId: ID!) {
    removeFromShortlist(fundId: $fundId, organizationId: $organizationId) {
      id
      shortlist {
        shortlistedAt
        organization {
          id
        }
      }
    }
  }
`);

export const ExportCsv = graphql(`
  mutation FunderExportCsv($kind: ExportKind!, $params: ExportParams) {
    exportCsv(kind: $kind, params: $params) {
      url
      fileName
    }
  }
`);

/** Statuses from which a funder may shortlist an application. */
const SHORTLISTABLE = new Set(['SUBMITTED', 'UNDER_REVIEW']);
/** A withdrawn application no longer counts: its organization is shortlisted (and invited) like one that never applied. */
const isLive = (a: { status: string } | undefined) => !!a && a.status !== 'WITHDRAWN';
const SIZES = ['20', '50', '100'];

/** Downloads an export through its signed URL (no Authorization header needed). */
export function download(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * A fund's ranked candidates with the points of each reason; a Shortlist button on each: an applicant
 * through its application's decision, anyone else on the fund's shortlist (its members are invited
 * to apply); CSV export.
 */
export default function Candidates() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready } = useSession();
  const [params, setParams] = useSearchParams();
  const first = Number(params.get('first') ?? 20);
  const [search, setSearch] = useState('');
  const [withProject, setWithProject] = useState(false);
  const [appliedOnly, setAppliedOnly] = useState(false);
  const [shortlistedOnly, setShortlistedOnly] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [{ data, fetching, error }, reload] = useQuery({
    query: FundCandidates,
    variables: { fundId: id, first },
    pause: !user,
  });
  const [{ fetching: deciding }, decide] = useMutation(DecideApplication);
  const [{ fetching: exporting }, exportCsv] = useMutation(ExportCsv);
  const [{ fetching: inviting }, addToShortlist] = useMutation(ShortlistCandidate);
  const [{ fetching: removing }, removeFromShortlist] = useMutation(RemoveFromShortlist);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: `/funder/funds/${id}/candidates` }} />;
  if (!data) return fetching || !ready ? <Loading /> : <NotFound error={error?.message} />;
  const fund = data.fund;
  if (!fund) return <NotFound />;
  const applications = new Map(fund.applications.map((a) => [a.organization.id, a]));
  const onShortlist = new Set(fund.shortlist.map((s) => s.organization.id));
  const isShortlisted = (organizationId: string) => {
    const application = applications.get(organizationId);
    return isLive(application) ? application!.status === 'SHORTLISTED' : onShortlist.has(organizationId);
  };
  const query = search.trim().toLocaleLowerCase(lang);
  const candidates = data.fundCandidates.filter(
    (c) =>
      (!query || c.organization.name.toLocaleLowerCase(lang).includes(query)) &&
      (!withProject || c.project) &&
      (!appliedOnly || isLive(applications.get(c.organization.id))) &&
      (!shortlistedOnly || isShortlisted(c.organization.id)),
  );
  const busy = deciding || inviting || removing;

  async function shortlist(applicationId: string, name: string) {
    setMessage(null);
    setGeneral(null);
    const result = await decide({ id: applicationId, status: 'SHORTLISTED' as never });
    if (result.error) {
      setGeneral(formErrors(result.error).general ?? result.error.message);
      return;
    }
    setMessage(t('funder.candidates.shortlisted', { name }));
    reload({ requestPolicy: 'network-only' });
  }

  /** A candidate that has not applied: on the fund's shortlist, its members invited to apply (or off it again). */
  async function toggleShortlist(organizationId: string, name: string, add: boolean) {
    setMessage(null);
    setGeneral(null);
    const variables = { fundId: id, organizationId };
    const result = add ? await addToShortlist(variables) : await removeFromShortlist(variables);
    if (result.error) {
      const errors = formErrors(result.error);
      setGeneral(errors.general ?? Object.values(errors.fields)[0] ?? result.error.message);
      return;
    }
    setMessage(t(add ? 'funder.candidates.invited' : 'funder.candidates.removed', { name }));
  }

  async function exportCandidates() {
    setGeneral(null);
    const result = await exportCsv({ kind: 'FUND_CANDIDATES' as never, params: { fundId: id } });
    if (result.data) download(result.data.exportCsv.url, result.data.exportCsv.fileName);
    else setGeneral(formErrors(result.error).general ?? t('app.error'));
  }

  return (
    <Container size="lg">
      <Stack gap="md">
        <div>
          <Anchor component={Link} to={`/funder?funder=${fund.funder.id}`} size="sm">
            {t('funder.backToFunds')}
          </Anchor>
          <Title order={1}>{t('funder.candidates.title')}</Title>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{fund.title}</Text>
            <Badge color={FUND_STATUS_COLORS[fund.status]} variant="light" c="dark.8">
              {t(`funding.fundStatus.${fund.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('funding.deadline', { date: formatDate(fund.deadline, lang) })}
            </Text>
          </Group>
        </div>
        {params.get('published') && (
          <Alert color="green" role="status">
            {t('funder.candidates.published')}
          </Alert>
        )}
        {message && (
          <Alert color="green" role="status" data-testid="candidates-message">
            {message}
          </Alert>
        )}
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Text size="sm">{t('funder.candidates.shortlistHelp')}</Text>
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('funder.candidates.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={280}
          />
          <NativeSelect
            label={t('funder.candidates.size')}
            data={SIZES}
            value={String(first)}
            onChange={(e) =>
              setParams(
                (p) => {
                  p.set('first', e.currentTarget.value);
                  return p;
                },
                { replace: true },
              )
            }
          />
          <Checkbox
            label={t('funder.candidates.withProject')}
            checked={withProject}
            onChange={(e) => setWithProject(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('funder.candidates.appliedOnly')}
            checked={appliedOnly}
            onChange={(e) => setAppliedOnly(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('funder.candidates.shortlistedOnly')}
            checked={shortlistedOnly}
            onChange={(e) => setShortlistedOnly(e.currentTarget.checked)}
          />
          <Button variant="default" onClick={() => void exportCandidates()} loading={exporting}>
            {t('funder.candidates.export')}
          </Button>
        </Group>
        <Text size="sm" role="status">
          {t('funder.candidates.shown', { count: candidates.length, total: data.fundCandidates.length })}
        </Text>
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {candidates.map((c) => {
            const found = applications.get(c.organization.id);
            const application = isLive(found) ? found : undefined;
            const shortlisted = isShortlisted(c.organization.id);
            const rank = data.fundCandidates.indexOf(c) + 1;
            return (
              <Card key={c.organization.id} withBorder component="li" data-testid="candidate">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Title order={2} size="h4">
                      {rank}.{' '}
                      <Anchor component={Link} to={`/organizations/${c.organization.slug}`}>
                        {c.organization.name}
                      </Anchor>
                    </Title>
                    <Group gap="xs" wrap="wrap">
                      {shortlisted && (
                        <Badge color="teal" variant="light" c="dark.8" data-testid="shortlisted-badge">
                          {t('funder.candidates.shortlistedBadge')}
                        </Badge>
                      )}
                      {application ? (
                        <Badge color={APPLICATION_STATUS_COLORS[application.status]} variant="light" c="dark.8">
                          {t('funder.candidates.applied', { status: t(`funding.status.${application.status}`) })}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" c="dark.8">
                          {t('funder.candidates.notApplied')}
                        </Badge>
                      )}
                    </Group>
                  </Group>
                  {c.project ? (
                    <Text size="sm">
                      {t('funder.candidates.bestProject')}{' '}
                      <Anchor component={Link} to={`/projects/${c.project.id}`}>
                        {c.project.title}
                      </Anchor>
                    </Text>
                  ) : (
                    <Text size="sm">{t('funder.candidates.noProject')}</Text>
                  )}
                  <ReasonsBar reasons={c.reasons} score={c.score} id={`candidate-${c.organization.id}`} />
                  <Group gap="sm" wrap="wrap">
                    <Button
                      component={Link}
                      to={`/organizations/${c.organization.slug}`}
                      variant="default"
                      size="xs"
                      aria-label={t('funder.candidates.openProfileOf', { name: c.organization.name })}
                    >
                      {t('funder.candidates.openProfile')}
                    </Button>
                    {application && SHORTLISTABLE.has(application.status) && (
                      <Button
                        size="xs"
                        loading={busy}
                        onClick={() => void shortlist(application.id, c.organization.name)}
                        aria-label={t('funder.candidates.shortlistName', { name: c.organization.name })}
                      >
                        {t('funder.candidates.shortlist')}
                      </Button>
                    )}
                    {!application && fund.status === 'OPEN' && !shortlisted && (
                      <Button
                        size="xs"
                        loading={busy}
                        onClick={() => void toggleShortlist(c.organization.id, c.organization.name, true)}
                        aria-label={t('funder.candidates.shortlistName', { name: c.organization.name })}
                      >
                        {t('funder.candidates.shortlist')}
                      </Button>
                    )}
                    {!application && fund.status === 'OPEN' && shortlisted && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={busy}
                        onClick={() => void toggleShortlist(c.organization.id, c.organization.name, false)}
                        aria-label={t('funder.candidates.removeName', { name: c.organization.name })}
                      >
                        {t('funder.candidates.remove')}
                      </Button>
                    )}
                    {application && (
                      <Anchor
                        component={Link}
                        to={`/funder/applications?funder=${fund.funder.id}&fund=${fund.id}&application=${application.id}`}
                        size="sm"
                      >
                        {t('funder.candidates.seeApplication')}
                      </Anchor>
                    )}
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      </Stack>
    </Container>
  );
}

function NotFound({ error }: { error?: string }) {
  const { t } = useTranslation();
  return (
    <Container size="md">
      <Title order={1}>{t('funding.fundNotFound')}</Title>
      {error && <Text>{error}</Text>}
      <Anchor component={Link} to="/funder">
        {t('funder.backToFunds')}
      </Anchor>
    </Container>
  );
}

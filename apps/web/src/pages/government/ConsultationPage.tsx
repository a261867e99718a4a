import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { useSession } from '../../auth/useSession';
import { formErrors } from '../../graphql/errors';
import { countryName } from '../../i18n/names';
import { MANAGER_ROLES, useConveners } from './conveners';
import { reasonText, registerCounterpartFactors } from './factors';
import { STATUS_COLOR } from './GovernmentHome';
import {
  CloseConsultation,
  ConsultationActivity,
  ConsultationDetails,
  ExportConsultation,
  InviteToConsultation,
  OpenConsultation,
  PublishOutcome,
  RespondToInvitation,
  SubmitContribution,
} from './queries';
import { useShortlist } from './shortlist';

registerCounterpartFactors();

const POLL_MS = 20_000;

/** Starts the download of a consultation's CSV (a short-lived signed URL of the API). */
export function useCsvDownload(consultationId: string) {
  const [state, issue] = useMutation(ExportConsultation);
  const download = async (): Promise<string | null> => {
    const result = await issue({ consultationId });
    if (result.error || !result.data) return formErrors(result.error).general ?? 'error';
    const link = document.createElement('a');
    link.href = result.data.exportCsv.url;
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return null;
  };
  return { downloading: state.fetching, download };
}

/**
 * A consultation at /consultations/:id (where the notifications link): what a visitor may see; for
 * the convener's owners and admins the workspace (open, invite from the shortlist, follow answers and
 * contributions live, close, outcome, report and CSV); for an invited organization its answer and
 * contribution.
 */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const { user } = useSession();
  const { memberships } = useConveners();
  const shortlist = useShortlist(user?.id);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ConsultationDetails, variables: { id } });
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const [notice, setNotice] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? t('government.form.created') : null,
  );
  const [actionError, setActionError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState('');
  const [contribution, setContribution] = useState('');
  const [, open] = useMutation(OpenConsultation);
  const [closing, close] = useMutation(CloseConsultation);
  const [, publish] = useMutation(PublishOutcome);
  const [inviting, invite] = useMutation(InviteToConsultation);
  const [, respond] = useMutation(RespondToInvitation);
  const [sending, submit] = useMutation(SubmitContribution);
  const csv = useCsvDownload(id);
  const [activity] = useSubscription({ query: ConsultationActivity, pause: !user });

  const c = data?.consultation;
  const role = memberships.find((m) => m.organization.id === c?.convener.id)?.role ?? null;
  const manager = !!role && MANAGER_ROLES.has(role);

  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    setUpdatedAt(new Date());
  };

  // live: a notification about this consultation (an answer, a contribution) reloads it at once …
  useEffect(() => {
    const n = activity.data?.notificationAdded;
    if (n?.link === `/consultations/${id}`) {
      reexecute({ requestPolicy: 'network-only' });
      setUpdatedAt(new Date());
      setNotice(t('government.consultation.newActivity', { title: n.title }));
    }
  }, [activity.data, id, reexecute, t]);
  // … and, for the convener while it is open, a poll catches what no notification announced
  useEffect(() => {
    if (!manager || c?.status !== 'OPEN') return;
    const timer = setInterval(() => {
      reexecute({ requestPolicy: 'network-only' });
      setUpdatedAt(new Date());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [manager, c?.status, reexecute]);

  const notFound = error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND') ?? false;
  if (error && !data && !notFound) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data && !notFound) return fetching ? <Loading /> : null;
  if (!c)
    return (
      <Container size="sm" py="xl">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text mt="md">{t('government.consultation.notFound')}</Text>
      </Container>
    );

  async function act(run: () => Promise<{ error?: Parameters<typeof formErrors>[0] }>, done: string) {
    setActionError(null);
    setNotice(null);
    const result = await run();
    if (result.error) {
      setActionError(formErrors(result.error).general ?? Object.values(formErrors(result.error).fields)[0] ?? '');
      return false;
    }
    setNotice(done);
    refresh();
    return true;
  }

  const invitedIds = new Set(c.invitations.map((i) => i.organization.id));
  const invitable = shortlist.entries.filter((e) => !invitedIds.has(e.id) && e.id !== c.convener.id);
  const counts = {
    pending: c.invitations.filter((i) => i.status === 'PENDING').length,
    accepted: c.invitations.filter((i) => i.status === 'ACCEPTED').length,
    declined: c.invitations.filter((i) => i.status === 'DECLINED').length,
  };
  // the viewer's own invited organizations (to answer and contribute)
  const mine = c.invitations.filter((i) => memberships.some((m) => m.organization.id === i.organization.id));

  async function inviteSelected() {
    setActionError(null);
    let count = 0;
    for (const entry of invitable.filter((e) => selected.includes(e.id))) {
      const result = await invite({
        consultationId: id,
        organizationIds: [entry.id],
        reason: reasonText(entry.reasons, entry.score, t, lang),
      });
      if (result.error) {
        setActionError(formErrors(result.error).general ?? result.error.message);
        break;
      }
      count += 1;
    }
    setSelected([]);
    if (count) setNotice(t('government.consultation.invited', { count }));
    refresh();
  }

  const dateTime = (value: string | null | undefined) => formatDate(value, lang, true);

  return (
    <Container size="lg">
      <Stack gap="lg">
        <div>
          <Group gap="xs" wrap="wrap">
            <Badge
              variant="light"
              color={STATUS_COLOR[c.status]}
              c={`${STATUS_COLOR[c.status]}.9`}
              data-testid="consultation-status"
            >
              {t(`government.status.${c.status}`)}
            </Badge>
            <Badge variant="outline" c="gray.9" color="gray">
              {t(`government.level.${c.level}`)}
            </Badge>
          </Group>
          <Title order={1} mt="xs" style={{ overflowWrap: 'anywhere' }}>
            {c.title}
          </Title>
          <Text>
            {t('government.consultation.convenedBy')}{' '}
            <Anchor component={Link} to={`/organizations/${c.convener.slug}`} underline="always">
              {c.convener.name}
            </Anchor>
          </Text>
        </div>
        <div aria-live="polite">
          {notice && (
            <Alert
              color="teal"
              c="teal.9"
              role="status"
              withCloseButton
              closeButtonLabel={t('projects.partners.dismiss')}
              onClose={() => setNotice(null)}
            >
              {notice}
            </Alert>
          )}
          {actionError && (
            <Alert color="red" role="alert">
              {actionError}
            </Alert>
          )}
        </div>
        <Card withBorder component="section" padding="md" aria-labelledby="details-title">
          <Title order={2} size="h4" id="details-title" mb="xs">
            {t('government.consultation.details')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{c.description}</Text>
          <Stack gap={2} mt="sm">
            {c.opensAt && (
              <Text size="sm">
                {t('government.consultation.opensAt')}: {dateTime(c.opensAt)}
              </Text>
            )}
            <Text size="sm">
              {t('government.consultation.closesAt')}: {dateTime(c.closesAt)}
            </Text>
            {c.closedAt && (
              <Text size="sm">
                {t('government.consultation.closedAt')}: {dateTime(c.closedAt)}
              </Text>
            )}
            {c.country && (
              <Text size="sm">
                {t('government.consultation.heldIn')}: {countryName(c.country.code, lang, c.country.name)}
              </Text>
            )}
            {c.countriesOfOrigin.length > 0 && (
              <Text size="sm">
                {t('government.consultation.communities')}:{' '}
                {c.countriesOfOrigin.map((x) => countryName(x.code, lang, x.name)).join(', ')}
              </Text>
            )}
            <Text size="sm">
              {t('government.consultation.themes')}: {c.themes.map((x) => x.name).join(', ')}
            </Text>
          </Stack>
          {c.outcomeSummary && (
            <>
              <Title order={3} size="h5" mt="md">
                {t('government.consultation.outcome')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }} data-testid="outcome">
                {c.outcomeSummary}
              </Text>
            </>
          )}
        </Card>

        {manager && (
          <Card withBorder component="section" padding="md" aria-labelledby="manage-title">
            <Title order={2} size="h4" id="manage-title" mb="xs">
              {t('government.consultation.manage')}
            </Title>
            <Stack gap="sm">
              <Group gap="sm" wrap="wrap">
                {c.status === 'DRAFT' && (
                  <Button
                    onClick={() => act(() => open({ id }), t('government.consultation.opened'))}
                    data-testid="open-consultation"
                  >
                    {t('government.consultation.open')}
                  </Button>
                )}
                <Button component={Link} to={`/consultations/${id}/report`} variant="default">
                  {t('government.consultation.report')}
                </Button>
                <Button
                  variant="default"
                  loading={csv.downloading}
                  onClick={async () => {
                    const problem = await csv.download();
                    if (problem) setActionError(problem);
                    else setNotice(t('government.consultation.csvReady'));
                  }}
                >
                  {t('government.consultation.csv')}
                </Button>
              </Group>
              {(c.status === 'OPEN' || c.status === 'CLOSED') && (
                <form
                  onSubmit={async (event) => {
                    event.preventDefault();
                    const summary = outcome.trim() || null;
                    if (c.status === 'OPEN') {
                      if (!window.confirm(t('government.consultation.confirmClose'))) return;
                      if (await act(() => close({ id, outcomeSummary: summary }), t('government.consultation.closed')))
                        setOutcome('');
                    } else if (summary) {
                      if (
                        await act(
                          () => publish({ id, outcomeSummary: summary }),
                          t('government.consultation.outcomePublished'),
                        )
                      )
                        setOutcome('');
                    }
                  }}
                >
                  <Stack gap="xs">
                    <Textarea
                      label={t('government.consultation.outcome')}
                      description={t('government.consultation.outcomeHint')}
                      autosize
                      minRows={3}
                      maxLength={20000}
                      value={outcome}
                      onChange={(e) => setOutcome(e.currentTarget.value)}
                    />
                    <Button
                      type="submit"
                      color={c.status === 'OPEN' ? 'red.9' : undefined}
                      loading={closing.fetching}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {c.status === 'OPEN'
                        ? t('government.consultation.close')
                        : t('government.consultation.publishOutcome')}
                    </Button>
                  </Stack>
                </form>
              )}
            </Stack>
          </Card>
        )}

        {manager && c.status !== 'CLOSED' && (
          <Card withBorder component="section" padding="md" aria-labelledby="invite-title">
            <Title order={2} size="h4" id="invite-title" mb="xs">
              {t('government.consultation.inviteTitle')}
            </Title>
            {invitable.length === 0 ? (
              <Text size="sm">{t('government.consultation.inviteNone')}</Text>
            ) : (
              <Stack gap="xs">
                <Checkbox.Group value={selected} onChange={setSelected} label={t('government.shortlist.title')}>
                  <Stack gap={6} mt={6}>
                    {invitable.map((e) => (
                      <Checkbox key={e.id} value={e.id} label={e.name} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                <Button
                  onClick={inviteSelected}
                  disabled={selected.length === 0}
                  loading={inviting.fetching}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('government.consultation.inviteSelected', { count: selected.length })}
                </Button>
              </Stack>
            )}
            <Anchor component={Link} to="/government/counterparts" size="sm" mt="xs" underline="always">
              {t('government.consultation.finderLink')}
            </Anchor>
          </Card>
        )}

        {mine.map((invitation) => (
          <Card
            key={invitation.id}
            withBorder
            component="section"
            padding="md"
            aria-labelledby={`mine-${invitation.id}`}
          >
            <Title order={2} size="h4" id={`mine-${invitation.id}`} mb="xs">
              {t('government.consultation.yourInvitation')}
            </Title>
            <Text size="sm">
              {t('government.consultation.invitationFor', {
                name: invitation.organization.name,
                status: t(`government.invitationStatus.${invitation.status}`),
              })}
            </Text>
            {invitation.status === 'PENDING' && c.status === 'OPEN' && (
              <Group gap="xs" mt="xs">
                <Button
                  size="xs"
                  onClick={() =>
                    act(() => respond({ id: invitation.id, accept: true }), t('government.invitationStatus.ACCEPTED'))
                  }
                >
                  {t('government.consultation.accept')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    act(() => respond({ id: invitation.id, accept: false }), t('government.invitationStatus.DECLINED'))
                  }
                >
                  {t('government.consultation.decline')}
                </Button>
              </Group>
            )}
            {invitation.status === 'ACCEPTED' && c.acceptsContributions && (
              <form
                onSubmit={async (event) => {
                  event.preventDefault();
                  const ok = await act(
                    () =>
                      submit({ consultationId: id, organizationId: invitation.organization.id, body: contribution }),
                    t('government.consultation.sent'),
                  );
                  if (ok) setContribution('');
                }}
              >
                <Stack gap="xs" mt="xs">
                  <Textarea
                    label={t('government.consultation.contributeFor', { name: invitation.organization.name })}
                    autosize
                    minRows={3}
                    maxLength={10000}
                    value={contribution}
                    onChange={(e) => setContribution(e.currentTarget.value)}
                  />
                  <Button type="submit" size="xs" loading={sending.fetching} style={{ alignSelf: 'flex-start' }}>
                    {t('government.consultation.send')}
                  </Button>
                </Stack>
              </form>
            )}
          </Card>
        ))}

        <Card withBorder component="section" padding="md" aria-labelledby="invitations-title">
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <Title order={2} size="h4" id="invitations-title">
              {t('government.consultation.invitations')}
            </Title>
            <Text size="sm" data-testid="invitation-counts">
              {t('government.consultation.invitationCounts', counts)}
            </Text>
          </Group>
          {c.invitations.length === 0 ? (
            <Text size="sm">{t('government.consultation.noInvitations')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table data-testid="invitations" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('government.report.organization')}</Table.Th>
                    <Table.Th w="30%">{t('government.report.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.invitations.map((i) => (
                    <Table.Tr key={i.id} data-status={i.status}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Anchor component={Link} to={`/organizations/${i.organization.slug}`} size="sm">
                          {i.organization.name}
                        </Anchor>
                        {i.reason && (
                          <Text size="xs" c="gray.7">
                            {t('government.consultation.why')}: {i.reason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`government.invitationStatus.${i.status}`)}</Text>
                        {i.respondedAt && (
                          <Text size="xs" c="gray.7">
                            {dateTime(i.respondedAt)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>

        <Card withBorder component="section" padding="md" aria-labelledby="contributions-title">
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <Title order={2} size="h4" id="contributions-title">
              {t('government.consultation.contributions')}
            </Title>
            {user && (
              <Button size="xs" variant="default" onClick={refresh}>
                {t('government.consultation.refresh')}
              </Button>
            )}
          </Group>
          {user && (
            <Text size="xs" c="gray.7" mb="xs">
              {t('government.consultation.updatedAt', {
                time: new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(updatedAt),
              })}
            </Text>
          )}
          {c.contributions.length === 0 ? (
            <Text size="sm">{t('government.consultation.noContributions')}</Text>
          ) : (
            <Stack gap="sm" data-testid="contributions">
              {c.contributions.map((x) => (
                <Card key={x.id} withBorder padding="sm" component="article" data-testid="contribution">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/organizations/${x.organization.slug}`} fw={600} size="sm">
                      {x.organization.name}
                    </Anchor>
                    <Text size="xs" c="gray.7">
                      {dateTime(x.createdAt)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {x.body}
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </Card>
        {manager && (
          <Anchor component={Link} to="/government" underline="always">
            {t('government.consultation.backToWorkspace')}
          </Anchor>
        )}
      </Stack>
    </Container>
  );
}

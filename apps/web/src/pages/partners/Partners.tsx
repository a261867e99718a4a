import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { PartnershipKind } from '../../gql/graphql';
import { formErrors, type FormErrors } from '../../graphql/errors';
import { useRoleIn } from '../projects/membership';

export const PARTNERSHIP_KINDS: PartnershipKind[] = [
  'ALLIANCE',
  'CO_IMPLEMENTATION',
  'FUNDING',
  'KNOWLEDGE_EXCHANGE',
  'MENTORING',
  'TWINNING',
];

const OrganizationPartnerships = graphql(`
  query OrganizationPartnerships($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      projects(first: 100) {
        nodes {
          id
          title
        }
      }
      partnerships {
        id
        kind
        status
        message
        createdAt
        respondedAt
        endedAt
        initiator {
          id
          slug
          name
        }
        partner {
          id
          slug
          name
        }
        project {
          id
          title
        }
      }
    }
  }
`);

const PartnerSuggestions = graphql(`
  query PartnerSuggestions($organizationId: ID!) {
    partnerSuggestions(organizationId: $organizationId, first: 10) {
      score
      organization {
        id
        slug
        name
      }
      reasons {
        factor
        detail
        points
      }
    }
  }
`);

const ProposePartnership = graphql(`
  mutation ProposePartnership(
    $initiatorId: ID!
    $partnerId: ID!
    $kind: PartnershipKind!
    $message: String
    $projectId: ID
  ) {
    proposePartnership(
      initiatorId: $initiatorId
      partnerId: $partnerId
      kind: $kind
      message: $message
      projectId: $projectId
    ) {
      id
      status
    }
  }
`);

const RespondToPartnership = graphql(`
  mutation RespondToPartnership($id: ID!, $accept: Boolean!) {
    respondToPartnership(id: $id, accept: $accept) {
      id
      status
    }
  }
`);

const EndPartnership = graphql(`
  mutation EndPartnership($id: ID!) {
    endPartnership(id: $id) {
      id
      status
    }
  }
`);

interface Suggestion {
  score: number;
  organization: { id: string; slug: string; name: string };
  reasons: { factor: string; detail: string; points: number }[];
}

function ProposeForm({
  organizationId,
  suggestion,
  projects,
  projectId,
  onDone,
}: {
  organizationId: string;
  suggestion: Suggestion;
  projects: { id: string; title: string }[];
  projectId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [state, propose] = useMutation(ProposePartnership);
  const [kind, setKind] = useState<PartnershipKind>('KNOWLEDGE_EXCHANGE');
  const [message, setMessage] = useState('');
  const [project, setProject] = useState(projectId);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await propose({
      initiatorId: organizationId,
      partnerId: suggestion.organization.id,
      kind,
      message: message.trim() || undefined,
      projectId: project || undefined,
    });
    if (result.error) return setErrors(formErrors(result.error));
    onDone();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('projects.partners.proposeTo', { name: suggestion.organization.name })}
    >
      <Stack gap="xs">
        {errors.general && (
          <Alert color="red" role="alert">
            {errors.general}
          </Alert>
        )}
        <NativeSelect
          label={t('projects.partners.kind')}
          data={PARTNERSHIP_KINDS.map((k) => ({ value: k, label: t(`projects.partners.kinds.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PartnershipKind)}
          error={errors.fields.kind}
        />
        <NativeSelect
          label={t('projects.partners.project')}
          data={[
            { value: '', label: t('projects.partners.noProject') },
            ...projects.map((p) => ({ value: p.id, label: p.title })),
          ]}
          value={project}
          onChange={(e) => setProject(e.currentTarget.value)}
          error={errors.fields.projectId}
        />
        <Textarea
          label={t('projects.partners.message')}
          autosize
          minRows={2}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.fields.message}
        />
        <Button type="submit" size="sm" loading={state.fetching} style={{ alignSelf: 'flex-start' }}>
          {t('projects.partners.send')}
        </Button>
      </Stack>
    </form>
  );
}

/** Partner suggestions with their reasons, proposals, answers and ends, for an organization's members. */
export default function Partners() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const projectId = search.get('project') ?? '';
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrganizationPartnerships, variables: { slug } });
  const org = data?.organization;
  const { role, ready: roleReady } = useRoleIn(org?.id);
  const [suggestions, reexecuteSuggestions] = useQuery({
    query: PartnerSuggestions,
    variables: { organizationId: org?.id ?? '' },
    pause: !org || !role,
  });
  const [, respond] = useMutation(RespondToPartnership);
  const [, end] = useMutation(EndPartnership);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (error && !data) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data || !roleReady) return fetching || !roleReady ? <Loading /> : null;
  if (!org) {
    return (
      <Container size="sm" py="xl">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text mt="md">{t('organization.notFound')}</Text>
      </Container>
    );
  }
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteSuggestions({ requestPolicy: 'network-only' });
  };
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const points = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const projects = org.projects.nodes;

  async function act(run: () => Promise<{ error?: Parameters<typeof formErrors>[0] }>, done: string) {
    setActionError(null);
    const result = await run();
    if (result.error) return setActionError(formErrors(result.error).general ?? result.error.message);
    setNotice(done);
    refresh();
  }

  const groups = (['PROPOSED', 'ACTIVE', 'DECLINED', 'ENDED'] as const).map((status) => ({
    status,
    items: org.partnerships.filter((p) => p.status === status),
  }));

  return (
    <Container size="md">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('projects.partners.title')}</Title>
          <Anchor component={Link} to={`/organizations/${org.slug}`}>
            {org.name}
          </Anchor>
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
        {role && (
          <Card withBorder component="section" padding="md">
            <Title order={2} size="h4" mb="sm">
              {t('projects.partners.suggestions')}
            </Title>
            {suggestions.fetching && !suggestions.data && <Loading />}
            {suggestions.error && !suggestions.data && (
              <Text c="red.8">{t('app.error', { message: suggestions.error.message })}</Text>
            )}
            {suggestions.data?.partnerSuggestions.length === 0 && <Text>{t('projects.partners.noSuggestions')}</Text>}
            <Stack gap="md">
              {suggestions.data?.partnerSuggestions.map((s) => (
                <Card key={s.organization.id} withBorder padding="sm" component="article">
                  <Group justify="space-between" wrap="wrap">
                    <Anchor component={Link} to={`/organizations/${s.organization.slug}`} fw={600}>
                      {s.organization.name}
                    </Anchor>
                    <Badge variant="light" c="blue.9">
                      {t('projects.partners.score', { score: percent.format(s.score) })}
                    </Badge>
                  </Group>
                  <List size="sm" mt="xs" aria-label={t('projects.partners.reasons')}>
                    {s.reasons.map((r, i) => (
                      <List.Item key={i}>
                        {r.detail} ({t('projects.partners.points', { points: points.format(r.points) })})
                      </List.Item>
                    ))}
                  </List>
                  {open === s.organization.id ? (
                    <ProposeForm
                      organizationId={org.id}
                      suggestion={s}
                      projects={projects}
                      projectId={projectId}
                      onDone={() => {
                        setOpen(null);
                        setNotice(t('projects.partners.proposed', { name: s.organization.name }));
                        refresh();
                      }}
                    />
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      mt="xs"
                      onClick={() => setOpen(s.organization.id)}
                      aria-label={t('projects.partners.proposeTo', { name: s.organization.name })}
                    >
                      {t('projects.partners.propose')}
                    </Button>
                  )}
                </Card>
              ))}
            </Stack>
          </Card>
        )}
        {groups.map(({ status, items }) => (
          <Card key={status} withBorder component="section" padding="md">
            <Title order={2} size="h4" mb="sm">
              {t(`projects.partners.group.${status}`)}
            </Title>
            {items.length === 0 ? (
              <Text size="sm">{t('projects.partners.none')}</Text>
            ) : (
              <Stack gap="sm">
                {items.map((p) => {
                  const other = p.initiator.id === org.id ? p.partner : p.initiator;
                  const incoming = p.partner.id === org.id;
                  return (
                    <div key={p.id} data-testid="partnership">
                      <Group gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/organizations/${other.slug}`} fw={600}>
                          {other.name}
                        </Anchor>
                        <Badge variant="light" c="gray.9" color="gray">
                          {t(`projects.partners.kinds.${p.kind}`)}
                        </Badge>
                        <Badge variant="outline" c="gray.9">
                          {t(`partnershipStatus.${p.status}`)}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {incoming ? t('projects.partners.incoming') : t('projects.partners.outgoing')} ·{' '}
                        {day.format(new Date(p.createdAt))}
                        {p.project && (
                          <>
                            {' · '}
                            <Anchor component={Link} to={`/projects/${p.project.id}`} size="sm" underline="always">
                              {p.project.title}
                            </Anchor>
                          </>
                        )}
                      </Text>
                      {p.message && <Text size="sm">{p.message}</Text>}
                      {role && p.status === 'PROPOSED' && incoming && (
                        <Group gap="xs" mt={4}>
                          <Button
                            size="xs"
                            onClick={() =>
                              act(
                                () => respond({ id: p.id, accept: true }),
                                t('projects.partners.accepted', { name: other.name }),
                              )
                            }
                          >
                            {t('projects.partners.accept')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() =>
                              act(
                                () => respond({ id: p.id, accept: false }),
                                t('projects.partners.declined', { name: other.name }),
                              )
                            }
                          >
                            {t('projects.partners.decline')}
                          </Button>
                        </Group>
                      )}
                      {role && p.status === 'ACTIVE' && (
                        <Button
                          size="xs"
                          variant="default"
                          mt={4}
                          onClick={() => {
                            if (window.confirm(t('projects.partners.confirmEnd', { name: other.name })))
                              void act(() => end({ id: p.id }), t('projects.partners.ended', { name: other.name }));
                          }}
                        >
                          {t('projects.partners.end')}
                        </Button>
                      )}
                    </div>
                  );
                })}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </Container>
  );
}

import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MemberRole } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';

const PendingInvitations = graphql(`
  query PendingMemberInvitations($organizationId: ID!) {
    memberInvitations(organizationId: $organizationId, first: 100) {
      totalCount
      nodes {
        id
        email
        role
        status
        expiresAt
      }
    }
  }
`);

const InviteMemberMutation = graphql(`
  mutation InviteOrganizationMember($organizationId: ID!, $email: String!, $role: MemberRole!) {
    inviteOrganizationMember(organizationId: $organizationId, email: $email, role: $role) {
      id
      email
      role
      status
    }
  }
`);

const RevokeInvitationMutation = graphql(`
  mutation RevokeMemberInvitation($id: ID!) {
    revokeMemberInvitation(id: $id) {
      id
      status
    }
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveOrganizationMember($membershipId: ID!) {
    removeOrganizationMember(membershipId: $membershipId)
  }
`);

const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($organizationId: ID!, $userId: ID!, $role: MemberRole!) {
    changeMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      id
      role
    }
  }
`);

const ROLES: MemberRole[] = ['MEMBER', 'ADMIN', 'OWNER'];

interface Member {
  id: string;
  role: MemberRole;
  user: { id: string; name: string; email?: string | null };
}

export function MembersSection(props: {
  organizationId: string;
  members: Member[];
  viewerRole: MemberRole;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const manager = props.viewerRole === 'OWNER' || props.viewerRole === 'ADMIN';
  const [{ data }, reloadInvitations] = useQuery({
    query: PendingInvitations,
    variables: { organizationId: props.organizationId },
    pause: !manager,
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [{ fetching }, invite] = useMutation(InviteMemberMutation);
  const [, revoke] = useMutation(RevokeInvitationMutation);
  const [, remove] = useMutation(RemoveMemberMutation);
  const [, changeRole] = useMutation(ChangeMemberRoleMutation);
  // a refused role change, shown next to that member's select (e.g. the last OWNER)
  const [roleError, setRoleError] = useState<{ membershipId: string; message: string } | null>(null);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const reload = () => reloadInvitations({ requestPolicy: 'network-only' });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    setStatus('');
    if (!email.trim()) return setFields({ email: t('auth.required') });
    const result = await invite({ organizationId: props.organizationId, email: email.trim(), role });
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
    if (result.data) {
      setStatus(t('account.organization.invited', { email: email.trim() }));
      setEmail('');
      reload();
    }
  }
  async function act(run: () => Promise<{ error?: Parameters<typeof formErrors>[0] }>, done: () => void) {
    setGeneral(null);
    const result = await run();
    if (result.error) setGeneral(formErrors(result.error).general);
    else done();
  }

  return (
    <Stack>
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Title order={2} size="h3">
        {t('account.organization.members')}
      </Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('auth.name')}</Table.Th>
              <Table.Th scope="col">{t('account.organization.role')}</Table.Th>
              {manager && <Table.Th scope="col">{t('account.organization.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm">{m.user.name}</Text>
                  {m.user.email && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {m.user.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {manager && (m.role !== 'OWNER' || props.viewerRole === 'OWNER') ? (
                    <NativeSelect
                      size="xs"
                      aria-label={t('account.organization.roleOf', { name: m.user.name })}
                      data-testid="member-role"
                      value={m.role}
                      data={(props.viewerRole === 'OWNER' ? ROLES : ROLES.filter((r) => r !== 'OWNER')).map((r) => ({
                        value: r,
                        label: t(`account.organization.roles.${r}`),
                      }))}
                      error={roleError?.membershipId === m.id ? roleError.message : undefined}
                      onChange={(e) => {
                        const next = e.currentTarget.value as MemberRole;
                        setRoleError(null);
                        setStatus('');
                        void changeRole({ organizationId: props.organizationId, userId: m.user.id, role: next }).then(
                          (result) => {
                            if (result.error) {
                              const errors = formErrors(result.error);
                              const message = errors.fields.role ?? errors.general ?? Object.values(errors.fields)[0];
                              setRoleError({ membershipId: m.id, message: message ?? '' });
                              return;
                            }
                            setStatus(
                              t('account.organization.roleChanged', {
                                name: m.user.name,
                                role: t(`account.organization.roles.${next}`),
                              }),
                            );
                            props.onChange();
                          },
                        );
                      }}
                    />
                  ) : (
                    t(`account.organization.roles.${m.role}`)
                  )}
                </Table.Td>
                {manager && (
                  <Table.Td>
                    {(m.role !== 'OWNER' || props.viewerRole === 'OWNER') && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('account.organization.removeNamed', { name: m.user.name })}
                        onClick={() => void act(() => remove({ membershipId: m.id }), props.onChange)}
                      >
                        {t('account.organization.remove')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {manager && (
        <>
          <Title order={2} size="h3">
            {t('account.organization.invitations')}
          </Title>
          {data && data.memberInvitations.nodes.length === 0 && (
            <Text size="sm">{t('account.organization.noInvitations')}</Text>
          )}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {data?.memberInvitations.nodes.map((inv) => (
              <li key={inv.id}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {inv.email} · {t(`account.organization.roles.${inv.role}`)} ·{' '}
                    {t('account.organization.expires', { date: dates.format(new Date(inv.expiresAt)) })}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('account.organization.revokeNamed', { email: inv.email })}
                    onClick={() => void act(() => revoke({ id: inv.id }), reload)}
                  >
                    {t('account.organization.revokeInvitation')}
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
          <form onSubmit={submit} noValidate aria-label={t('account.organization.invite')}>
            <Stack>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fields.email}
                />
                <NativeSelect
                  label={t('account.organization.role')}
                  data={ROLES.filter((r) => r !== 'OWNER' || props.viewerRole === 'OWNER').map((r) => ({
                    value: r,
                    label: t(`account.organization.roles.${r}`),
                  }))}
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value as MemberRole)}
                  error={fields.role}
                />
              </Group>
              <Group>
                <Button type="submit" loading={fetching}>
                  {t('account.organization.invite')}
                </Button>
                <Text size="sm" role="status">
                  {status}
                </Text>
              </Group>
            </Stack>
          </form>
        </>
      )}
    </Stack>
  );
}

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
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { signOut } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { FormError } from '../../components/forms/FormError';
import { useFormErrors } from '../../components/forms/useFormErrors';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { EmailFrequency } from '../../gql/graphql';
import { changeLanguage } from '../../i18n';
import { languageName } from '../../i18n/names';

const AccountSettings = graphql(`
  query AccountSettings {
    me {
      id
      name
      email
      preferredLanguage
    }
    myNotificationPreferences {
      emailFrequency
    }
    mySessions(first: 50) {
      totalCount
      nodes {
        id
        current
        createdAt
        lastUsedAt
        expiresAt
        ipAddress
        userAgent
      }
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($newEmail: String!, $password: String!) {
    requestEmailChange(newEmail: $newEmail, password: $password)
  }
`);

const UpdatePreferredLanguageMutation = graphql(`
  mutation UpdatePreferredLanguage($language: String!) {
    updatePreferredLanguage(language: $language) {
      id
      preferredLanguage
    }
  }
`);

const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($emailFrequency: EmailFrequency!) {
    updateNotificationPreferences(emailFrequency: $emailFrequency) {
      emailFrequency
    }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

const RevokeOtherSessionsMutation = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions
  }
`);

const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

const MyDataExport = graphql(`
  query MyDataExport {
    myDataExport
  }
`);

/** The languages the API writes e-mails in. */
const MAIL_LANGUAGES = ['en', 'fr'] as const;
const FREQUENCIES: EmailFrequency[] = ['IMMEDIATE', 'DAILY_DIGEST', 'NONE'];

/** A section's errors (useFormErrors) and whether its last change was saved. */
function useFormState() {
  const errors = useFormErrors();
  const [saved, setSaved] = useState(false);
  return {
    errors,
    saved,
    clear: () => {
      errors.clear();
      setSaved(false);
    },
    fail: (fields: Record<string, string | false>) => void errors.check(fields),
    settle: (error: CombinedError | undefined) => {
      const ok = errors.settle(error);
      setSaved(ok);
      return ok;
    },
  };
}

/**
 * One card of the settings: its title, its error that names no field, its content and, once saved,
 * the short confirmation `status` (announced).
 */
function Section({
  title,
  error,
  status,
  children,
}: {
  title: string;
  error?: string | null;
  status?: string | false | null;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      <Stack>
        <FormError message={error} />
        {children}
        {status && (
          <Text size="sm" role="status">
            {status}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** /me/settings: password, e-mail address, language, notifications, sessions, data export, deletion. */
export default function Settings() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const [{ data, fetching }, reload] = useQuery({ query: AccountSettings, pause: !user });
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/me/settings' }} />;
  if (!data?.me) return fetching || !ready ? <Loading /> : null;
  return (
    <Container size="sm">
      <Title order={1} mb="md">
        {t('account.settings.title')}
      </Title>
      <Stack>
        <PasswordSection />
        <EmailSection current={data.me.email ?? ''} />
        <LanguageSection preferred={data.me.preferredLanguage} />
        <NotificationSection frequency={data.myNotificationPreferences.emailFrequency} />
        <SessionsSection sessions={data.mySessions.nodes} reload={() => reload({ requestPolicy: 'network-only' })} />
        <ExportSection />
        <DeleteSection />
      </Stack>
    </Container>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const form = useFormState();
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const missing: Record<string, string> = {};
    if (!current) missing.currentPassword = t('auth.required');
    if (!next) missing.newPassword = t('auth.required');
    if (Object.keys(missing).length) return form.fail(missing);
    if (form.settle((await change({ currentPassword: current, newPassword: next })).error)) {
      setCurrent('');
      setNext('');
    }
  }
  return (
    <Section title={t('account.settings.password')} error={form.errors.general}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.saved && (
            <Alert color="teal" role="status">
              {t('account.settings.passwordChanged')}
            </Alert>
          )}
          <PasswordInput
            label={t('account.settings.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.errors.fields.currentPassword}
          />
          <PasswordInput
            label={t('account.settings.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={form.errors.fields.newPassword}
          />
          <Group>
            <Button type="submit" loading={fetching}>
              {t('account.settings.changePassword')}
            </Button>
            <Anchor component={Link} to="/reset-password" size="sm">
              {t('account.settings.forgotPassword')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function EmailSection({ current }: { current: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormState();
  const [{ fetching }, request] = useMutation(RequestEmailChangeMutation);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.newEmail = t('auth.required');
    if (!password) missing.password = t('auth.required');
    if (Object.keys(missing).length) return form.fail(missing);
    if (form.settle((await request({ newEmail: email.trim(), password })).error)) setPassword('');
  }
  return (
    <Section title={t('account.settings.email')} error={form.errors.general}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('account.settings.currentEmail', { email: current })}</Text>
          {form.saved && (
            <Alert color="teal" role="status">
              {t('account.settings.emailLinkSent', { email: email.trim() })}
            </Alert>
          )}
          <TextInput
            label={t('account.settings.newEmail')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={form.errors.fields.newEmail}
          />
          <PasswordInput
            label={t('account.settings.currentPassword')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.errors.fields.password}
          />
          <Button type="submit" loading={fetching} variant="default">
            {t('account.settings.changeEmail')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function LanguageSection({ preferred }: { preferred: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState(preferred ?? (i18n.language === 'fr' ? 'fr' : 'en'));
  const form = useFormState();
  const [, update] = useMutation(UpdatePreferredLanguageMutation);
  async function choose(language: string) {
    form.clear();
    setValue(language);
    if (form.settle((await update({ language })).error)) await changeLanguage(language as 'en' | 'fr');
  }
  return (
    <Section
      title={t('account.settings.language')}
      error={form.errors.general}
      status={form.saved && t('account.settings.saved')}
    >
      <NativeSelect
        label={t('account.settings.languageLabel')}
        description={t('account.settings.languageHint')}
        data={MAIL_LANGUAGES.map((code) => ({ value: code, label: languageName(code, code) }))}
        value={value}
        onChange={(e) => void choose(e.currentTarget.value)}
        error={form.errors.fields.language}
      />
    </Section>
  );
}

function NotificationSection({ frequency }: { frequency: EmailFrequency }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<EmailFrequency>(frequency);
  const form = useFormState();
  const [, update] = useMutation(UpdateNotificationPreferencesMutation);
  async function choose(next: EmailFrequency) {
    form.clear();
    setValue(next);
    form.settle((await update({ emailFrequency: next })).error);
  }
  return (
    <Section
      title={t('account.settings.notifications')}
      error={form.errors.general}
      status={form.saved && t('account.settings.saved')}
    >
      <Radio.Group
        label={t('account.settings.emailFrequency')}
        value={value}
        onChange={(v) => void choose(v as EmailFrequency)}
        error={form.errors.fields.emailFrequency}
      >
        <Stack gap="xs" mt="xs">
          {FREQUENCIES.map((f) => (
            <Radio key={f} value={f} label={t(`account.settings.frequency.${f}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Section>
  );
}

interface SessionRow {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** A short name for a User-Agent: the browser and the system, not the whole string. */
function deviceName(agent: string | null | undefined, unknown: string): string {
  if (!agent) return unknown;
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chromium'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null;
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || agent.slice(0, 40);
}

function SessionsSection({ sessions, reload }: { sessions: SessionRow[]; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const form = useFormState();
  const [revoked, setRevoked] = useState<number | null>(null);
  const [, revoke] = useMutation(RevokeSessionMutation);
  const [{ fetching: revokingOthers }, revokeOthers] = useMutation(RevokeOtherSessionsMutation);
  async function revokeOne(session: SessionRow) {
    form.clear();
    if (!form.settle((await revoke({ id: session.id })).error)) return;
    if (session.current) {
      await signOut();
      navigate('/sign-in', { state: { signedOut: true } });
    } else reload();
  }
  async function revokeAllOthers() {
    form.clear();
    const result = await revokeOthers({});
    if (form.settle(result.error)) {
      setRevoked(result.data?.revokeOtherSessions ?? 0);
      reload();
    }
  }
  return (
    <Section
      title={t('account.settings.sessions')}
      error={form.errors.general}
      status={revoked !== null && t('account.settings.revokedOthers', { count: revoked })}
    >
      <Stack>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600} size="sm">
                    {deviceName(s.userAgent, t('account.settings.unknownDevice'))}{' '}
                    {s.current && (
                      <Badge size="sm" variant="light">
                        {t('account.settings.thisDevice')}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('account.settings.sessionDates', {
                      signedIn: dates.format(new Date(s.createdAt)),
                      used: dates.format(new Date(s.lastUsedAt)),
                    })}
                    {s.ipAddress ? ` · ${s.ipAddress}` : ''}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void revokeOne(s)}
                  aria-label={
                    s.current
                      ? t('account.settings.signOutHere')
                      : t('account.settings.revokeNamed', {
                          device: deviceName(s.userAgent, t('account.settings.unknownDevice')),
                          date: dates.format(new Date(s.lastUsedAt)),
                        })
                  }
                >
                  {s.current ? t('account.settings.signOutHere') : t('account.settings.revoke')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
        <Button
          variant="default"
          onClick={() => void revokeAllOthers()}
          loading={revokingOthers}
          disabled={sessions.every((s) => s.current)}
        >
          {t('account.settings.revokeOthers')}
        </Button>
      </Stack>
    </Section>
  );
}

/** Saves a text as a file the browser downloads (no server round trip: the JSON is already here). */
export function downloadText(text: string, fileName: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ExportSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const form = useFormState();
  async function download() {
    form.clear();
    setBusy(true);
    const result = await client.query(MyDataExport, {}, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (!form.settle(result.error) || !result.data) return;
    const day = new Date().toISOString().slice(0, 10);
    downloadText(result.data.myDataExport, `diaspora-nexus-my-data-${day}.json`);
  }
  return (
    <Section title={t('account.settings.export')} error={form.errors.general}>
      <Text size="sm">{t('account.settings.exportIntro')}</Text>
      <Button variant="default" onClick={() => void download()} loading={busy}>
        {t('account.settings.exportButton')}
      </Button>
    </Section>
  );
}

interface SoleOwnership {
  id: string;
  slug: string;
  name: string;
  otherMembers: number;
}

function DeleteSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [owned, setOwned] = useState<SoleOwnership[] | null>(null);
  const form = useFormState();
  const [{ fetching }, remove] = useMutation(DeleteMyAccountMutation);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setOwned(null);
    if (!password) return form.fail({ password: t('auth.required') });
    const result = await remove({ password });
    const lastOwner = result.error?.graphQLErrors.find((e) => e.extensions?.reason === 'LAST_OWNER');
    if (lastOwner) {
      setOwned((lastOwner.extensions.organizations as SoleOwnership[]) ?? []);
      return;
    }
    if (form.settle(result.error)) {
      await signOut();
      navigate('/', { replace: true });
    }
  }
  return (
    <Section title={t('account.settings.delete')}>
      <Stack>
        <Text size="sm">{t('account.settings.deleteIntro')}</Text>
        {!confirming ? (
          <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
            {t('account.settings.deleteStart')}
          </Button>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormError message={form.errors.general} />
              {owned && (
                <Alert color="orange" role="alert" title={t('account.settings.lastOwnerTitle')}>
                  <Text size="sm">{t('account.settings.lastOwnerBody')}</Text>
                  <List size="sm" mt="xs">
                    {owned.map((o) => (
                      <List.Item key={o.id}>
                        <Anchor component={Link} to={`/me/organizations/${o.id}`}>
                          {o.name}
                        </Anchor>{' '}
                        —{' '}
                        {o.otherMembers > 0
                          ? t('account.settings.lastOwnerMembers', { count: o.otherMembers })
                          : t('account.settings.lastOwnerAlone')}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <PasswordInput
                label={t('account.settings.currentPassword')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={form.errors.fields.password}
              />
              <Group>
                <Button type="submit" color="red" loading={fetching}>
                  {t('account.settings.deleteConfirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('account.settings.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { ApplicationHistory } from '../../components/ApplicationHistory';
import { Loading } from '../../components/Loading';
import { formatDate, formatMoney } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';
import { useRoleIn } from '../projects/membership';
import { STATUS_COLORS } from './Funding';

/** One application by id: the applicant's members, the funder's OWNER/ADMIN once submitted, moderators. */
const ApplicationQuery = graphql(`
  query Application($id: ID!) {
    application(id: $id) {
      id
      status
      statement
      createdAt
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
      project {
        id
        title
      }
      organization {
        id
        name
        slug
      }
      fund {
        id
        title
        currency
        deadline
        funder {
          id
          name
        }
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
`);

const UpdateApplication = graphql(`
  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {
    updateApplication(id: $id, input: $input) {
      id
      status
      statement
      requestedAmount {
        amount
        currency
      }
    }
  }
`);

const SubmitApplication = graphql(`
  mutation SubmitApplication($id: ID!) {
    submitApplication(id: $id) {
      id
      status
      submittedAt
      history {
        id
        fromStatus
        toStatus
        note
        createdAt
      }
    }
  }
`);

const WithdrawApplication = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawApplication(id: $id) {
      id
      status
      history {
        id
        fromStatus
        toStatus
        note
        createdAt
      }
    }
  }
`);

const WITHDRAWABLE = new Set(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED']);

/** One application: its status timeline, editing while a DRAFT, submitting and withdrawing. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready } = useSession();
  const [{ data, fetching }, reload] = useQuery({
    query: ApplicationQuery,
    variables: { id },
    pause: !user,
    // opened from a notification, it shows the status as it is now
    requestPolicy: 'cache-and-network',
  });
  const { role } = useRoleIn(data?.application?.organization.id);
  const [{ fetching: saving }, update] = useMutation(UpdateApplication);
  const [{ fetching: submitting }, submitApp] = useMutation(SubmitApplication);
  const [{ fetching: withdrawing }, withdrawApp] = useMutation(WithdrawApplication);
  const [edit, setEdit] = useState<{ amount: number | string; statement: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: `/applications/${id}` }} />;
  if (!data && (fetching || !ready)) return <Loading />;

  const a = data?.application;
  if (!a) {
    return (
      <Container size="md">
        <Title order={1}>{t('funding.applicationNotFound')}</Title>
        <Anchor component={Link} to="/funding">
          {t('funding.backToFunding')}
        </Anchor>
      </Container>
    );
  }
  const { project, organization } = a;
  // The funder and moderators read it; only the applicant's members act on it.
  const applicant = !!role;
  const values = edit ?? { amount: a.requestedAmount.amount, statement: a.statement };

  async function run(action: () => Promise<{ error?: Parameters<typeof formErrors>[0] }>) {
    setGeneral(null);
    setFields({});
    setSaved(false);
    const result = await action();
    if (result.error) {
      const errors = formErrors(result.error);
      setFields(errors.fields);
      setGeneral(errors.general);
      return false;
    }
    reload({ requestPolicy: 'network-only' });
    return true;
  }

  const save = () =>
    run(() =>
      update({
        id,
        input: {
          statement: values.statement.trim(),
          requestedAmount: { amount: Number(values.amount), currency: a.requestedAmount.currency },
        },
      }),
    ).then((ok) => {
      if (ok) {
        setEdit(null);
        setSaved(true);
      }
      return ok;
    });

  return (
    <Container size="md">
      <Stack gap="lg">
        <div>
          <Group gap="sm" wrap="wrap">
            <Title order={1}>{a.fund.title}</Title>
            <Badge
              color={STATUS_COLORS[a.status]}
              c="dark.8"
              variant="light"
              size="lg"
              data-testid="application-status"
            >
              {t(`funding.status.${a.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed">
            {a.fund.funder.name} · {t('funding.deadline', { date: formatDate(a.fund.deadline, lang) })}
          </Text>
          <Text size="sm">
            {t('funding.application.by', { organization: organization.name, project: project.title })}
          </Text>
          <Text size="sm">
            {t('funding.application.requested', {
              amount: formatMoney(a.requestedAmount.amount, a.requestedAmount.currency, lang),
            })}
            {a.awardedAmount &&
              ` · ${t('funding.application.awarded', {
                amount: formatMoney(a.awardedAmount.amount, a.awardedAmount.currency, lang),
              })}`}
          </Text>
          <Anchor component={Link} to={`/funds/${a.fund.id}?org=${organization.id}`} size="sm">
            {t('funding.application.seeFund')}
          </Anchor>
        </div>

        {general && (
          <Alert color="red" role="alert" data-testid="form-error">
            {general}
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status">
            {t('funding.application.saved')}
          </Alert>
        )}

        {applicant && a.status === 'DRAFT' ? (
          <section aria-labelledby="edit-title">
            <Title order={2} size="h3" id="edit-title" mb="sm">
              {t('funding.application.editTitle')}
            </Title>
            <Stack>
              <NumberInput
                label={t('funding.apply.amount', { currency: a.requestedAmount.currency })}
                required
                min={0}
                value={values.amount}
                onChange={(v) => setEdit({ ...values, amount: v })}
                error={fields.amount ?? fields.requestedAmount}
                maw={300}
              />
              <Textarea
                label={t('funding.apply.statement')}
                required
                autosize
                minRows={4}
                value={values.statement}
                onChange={(e) => setEdit({ ...values, statement: e.currentTarget.value })}
                error={fields.statement}
              />
              <Group gap="sm">
                <Button variant="default" loading={saving} onClick={() => void save()}>
                  {t('funding.application.save')}
                </Button>
                <Button
                  loading={submitting}
                  onClick={() =>
                    void (edit ? save() : Promise.resolve(true)).then((ok) => ok && run(() => submitApp({ id })))
                  }
                >
                  {t('funding.apply.submit')}
                </Button>
              </Group>
            </Stack>
          </section>
        ) : (
          <section aria-labelledby="statement-title">
            <Title order={2} size="h3" id="statement-title" mb="xs">
              {t('funding.apply.statement')}
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{a.statement}</Text>
          </section>
        )}

        {applicant && WITHDRAWABLE.has(a.status) && (
          <div>
            <Button
              color="red"
              variant="outline"
              loading={withdrawing}
              onClick={() => {
                if (window.confirm(t('funding.application.confirmWithdraw'))) void run(() => withdrawApp({ id }));
              }}
            >
              {t('funding.application.withdraw')}
            </Button>
          </div>
        )}

        <section aria-labelledby="timeline-title">
          <Title order={2} size="h3" id="timeline-title" mb="sm">
            {t('funding.application.timeline')}
          </Title>
          <ApplicationHistory history={a.history} testId="timeline" bulletSize={16} />
          {a.decisionNote && (
            <Text size="sm" mt="sm">
              {t('funding.application.decisionNote')}: {a.decisionNote}
            </Text>
          )}
        </section>
      </Stack>
    </Container>
  );
}

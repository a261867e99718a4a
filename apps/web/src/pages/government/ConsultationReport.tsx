import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import type { ConsultationDetailsQuery } from '../../gql/graphql';
import { countryName } from '../../i18n/names';
import { useCsvDownload } from './ConsultationPage';
import { ConsultationDetails } from './queries';
import classes from './ConsultationReport.module.css';

export type ReportConsultation = NonNullable<ConsultationDetailsQuery['consultation']>;

/**
 * The consultation report as a printable page: topic, who was invited and why, who answered, the
 * contributions and the outcome. Pure (no fetching) so it can be tested; `now` dates the report.
 */
export function ReportView({ consultation: c, now }: { consultation: ReportConsultation; now: Date }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = (value: string | null | undefined) => formatDate(value, lang, true);
  const byStatus = (status: string) => c.invitations.filter((i) => i.status === status);
  const answered = [
    { status: 'ACCEPTED', key: 'accepted' },
    { status: 'DECLINED', key: 'declined' },
    { status: 'PENDING', key: 'pending' },
  ] as const;
  return (
    <article className={classes.report} aria-labelledby="report-title" data-testid="report">
      <Stack gap="md">
        <header>
          <Text size="sm">{t('government.report.title')}</Text>
          <Title order={1} id="report-title">
            {c.title}
          </Title>
          <Text size="sm">
            {c.convener.name} · {t(`government.level.${c.level}`)} · {t(`government.status.${c.status}`)}
          </Text>
          <Text size="sm">{t('government.report.generated', { date: date(now.toISOString()) })}</Text>
        </header>

        <section aria-labelledby="report-topic">
          <Title order={2} size="h3" id="report-topic">
            {t('government.report.topic')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>
          <Text size="sm" mt="xs">
            {t('government.consultation.themes')}: {c.themes.map((x) => x.name).join(', ')}
          </Text>
          {c.countriesOfOrigin.length > 0 && (
            <Text size="sm">
              {t('government.consultation.communities')}:{' '}
              {c.countriesOfOrigin.map((x) => countryName(x.code, lang, x.name)).join(', ')}
            </Text>
          )}
          {c.country && (
            <Text size="sm">
              {t('government.consultation.heldIn')}: {countryName(c.country.code, lang, c.country.name)}
            </Text>
          )}
          <Text size="sm">
            {c.openedAt && `${t('government.consultation.openedAt')}: ${date(c.openedAt)} · `}
            {t('government.consultation.closesAt')}: {date(c.closesAt)}
            {c.closedAt && ` · ${t('government.consultation.closedAt')}: ${date(c.closedAt)}`}
          </Text>
        </section>

        <section aria-labelledby="report-invited">
          <Title order={2} size="h3" id="report-invited">
            {t('government.report.invited')}
          </Title>
          {c.invitations.length === 0 ? (
            <Text>{t('government.consultation.noInvitations')}</Text>
          ) : (
            <table className={classes.table} data-testid="report-invitations">
              <thead>
                <tr>
                  <th scope="col">{t('government.report.organization')}</th>
                  <th scope="col">{t('government.consultation.why')}</th>
                  <th scope="col">{t('government.report.status')}</th>
                  <th scope="col">{t('government.report.answeredOn')}</th>
                </tr>
              </thead>
              <tbody>
                {c.invitations.map((i) => (
                  <tr key={i.id} data-status={i.status}>
                    <td>
                      <strong>{i.organization.name}</strong>
                      <br />
                      {t(`kind.${i.organization.kind}`)}
                    </td>
                    <td>{i.reason ?? t('government.report.noReason')}</td>
                    <td>{t(`government.invitationStatus.${i.status}`)}</td>
                    <td>{date(i.respondedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="report-answered">
          <Title order={2} size="h3" id="report-answered">
            {t('government.report.answered')}
          </Title>
          {answered.map(({ status, key }) => {
            const list = byStatus(status);
            return (
              <div key={status} data-testid={`report-${key}`}>
                <Title order={3} size="h5" mt="xs">
                  {t(`government.report.${key}`, { count: list.length })}
                </Title>
                {list.length > 0 && (
                  <ul style={{ margin: 0 }}>
                    {list.map((i) => (
                      <li key={i.id}>{i.organization.name}</li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </section>

        <section aria-labelledby="report-contributions">
          <Title order={2} size="h3" id="report-contributions">
            {t('government.report.contributions', { count: c.contributions.length })}
          </Title>
          {c.contributions.length === 0 && <Text>{t('government.consultation.noContributions')}</Text>}
          {c.contributions.map((x) => (
            <div key={x.id} className={classes.contribution} data-testid="report-contribution">
              <Text fw={600}>
                {x.organization.name} · {date(x.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-line' }}>{x.body}</Text>
            </div>
          ))}
        </section>

        <section aria-labelledby="report-outcome">
          <Title order={2} size="h3" id="report-outcome">
            {t('government.report.outcome')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }} data-testid="report-outcome-text">
            {c.outcomeSummary ?? t('government.report.noOutcome')}
          </Text>
        </section>
      </Stack>
    </article>
  );
}

/** /consultations/:id/report: the printable report with "Print / save as PDF" and the CSV. */
export default function ConsultationReport() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: ConsultationDetails,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const csv = useCsvDownload(id);
  const [problem, setProblem] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const notFound = error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND') ?? false;
  if (error && !data && !notFound) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data && !notFound) return fetching ? <Loading /> : null;
  const c = data?.consultation;
  if (!c)
    return (
      <Stack gap="md" p="md">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text>{t('government.consultation.notFound')}</Text>
      </Stack>
    );
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" className={classes.noPrint}>
        <Button onClick={() => window.print()}>{t('government.report.print')}</Button>
        <Button
          variant="default"
          onClick={async () => setProblem(await csv.download())}
          rightSection={csv.downloading ? <Loader size="xs" /> : null}
        >
          {t('government.consultation.csv')}
        </Button>
        <Anchor component={Link} to={`/consultations/${c.id}`} underline="always">
          {t('government.report.back')}
        </Anchor>
      </Group>
      {problem && (
        <Alert color="red" role="alert" className={classes.noPrint}>
          {problem}
        </Alert>
      )}
      <ReportView consultation={c} now={now} />
    </Stack>
  );
}

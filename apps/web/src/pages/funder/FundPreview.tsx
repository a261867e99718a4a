import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ReasonsBar } from '../../components/matching/ReasonsBar';
import { graphql } from '../../gql';

/** The most candidates counted: the API's page size limit. */
export const PREVIEW_LIMIT = 100;
export const PREVIEW_SHOWN = 10;

export const FundPreviewQuery = graphql(`
  query FundPreview($fundId: ID!, $first: Int!) {
    fundCandidates(fundId: $fundId, first: $first) {
      score
      organization {
        id
        slug
        name
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

/**
 * What the saved draft's rules select: how many organizations are eligible (and how many of them
 * with an eligible project), and the first ten candidates with the points of each reason. Asked
 * again whenever `version` changes (after each save of the draft).
 */
export function FundPreview({ fundId, version, pending }: { fundId: string; version: number; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FundPreviewQuery,
    variables: { fundId, first: PREVIEW_LIMIT },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const candidates = data?.fundCandidates ?? [];
  const organizations = candidates.length;
  const withProject = candidates.filter((c) => c.project).length;
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const busy = pending || fetching;
  return (
    <Stack gap="sm" component="section" aria-labelledby="preview-title" data-testid="fund-preview">
      <Title order={2} size="h3" id="preview-title">
        {t('funder.preview.title')}
      </Title>
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy ? (
          <Text size="sm" c="dimmed">
            <Loader size="xs" mr={6} aria-hidden="true" />
            {t('funder.preview.updating')}
          </Text>
        ) : data ? (
          <Text fw={600} data-testid="preview-count" data-count={organizations}>
            {t(organizations >= PREVIEW_LIMIT ? 'funder.preview.countAtLeast' : 'funder.preview.count', {
              count: organizations,
              organizations: number(organizations),
              projects: number(withProject),
            })}
          </Text>
        ) : null}
      </div>
      {error && (
        <Alert color="red" role="alert">
          {error.graphQLErrors[0]?.message ?? error.message}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('funder.preview.help')}
      </Text>
      {data && organizations === 0 && <Text size="sm">{t('funder.preview.none')}</Text>}
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('funder.preview.first')}>
        {candidates.slice(0, PREVIEW_SHOWN).map((c, index) => (
          <Card key={c.organization.id} withBorder padding="sm" component="li" data-testid="preview-candidate">
            <Text fw={600}>
              {index + 1}.{' '}
              <Anchor component={Link} to={`/organizations/${c.organization.slug}`}>
                {c.organization.name}
              </Anchor>
            </Text>
            {c.project && (
              <Text size="sm">
                {t('funder.candidates.bestProject')}{' '}
                <Anchor component={Link} to={`/projects/${c.project.id}`}>
                  {c.project.title}
                </Anchor>
              </Text>
            )}
            <ReasonsBar reasons={c.reasons} score={c.score} id={`preview-${c.organization.id}`} />
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

import { Anchor, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import type { FundsNeedingAProjectQuery } from '../../gql/graphql';

const NeedingAProject = graphql(`
  query FundsNeedingAProject($organizationId: ID!, $first: Int!) {
    fundsNeedingAProject(organizationId: $organizationId, first: $first) {
      fund {
        id
        title
        deadline
        funder {
          id
          name
        }
      }
      failedRules {
        rule
        passed
        unconfirmed
        detail
      }
    }
  }
`);

export type FundNeedingAProject = FundsNeedingAProjectQuery['fundsNeedingAProject'][number];

/** Funds shown at first and added by each "Show more". */
export const NEEDING_A_PROJECT_PAGE = 10;
/** The API's largest page (MAX_PAGE_SIZE): the list has no cursor, so "Show more" asks for a longer first page. */
const MAX_FIRST = 100;

/**
 * The open funds the organization qualifies for but none of its live projects does (the API answers
 * for its members and moderators, and an empty list for anyone else), ten at a time: "Show more" asks
 * for ten more, one more than shown tells whether there are others, and the funds already on screen
 * stay there while the longer list loads.
 */
export function useFundsNeedingAProject(organizationId: string) {
  const [shown, setShown] = useState({ organizationId, count: NEEDING_A_PROJECT_PAGE });
  const count = shown.organizationId === organizationId ? shown.count : NEEDING_A_PROJECT_PAGE;
  const first = Math.min(count + 1, MAX_FIRST);
  const [{ data, fetching, operation }] = useQuery({
    query: NeedingAProject,
    variables: { organizationId, first },
    pause: !organizationId,
  });
  // urql keeps the last answer while it asks for a longer list: show it as it was (no more funds than
  // then, so the button stays) and never another organization's
  const answered = operation?.variables as { organizationId: string; first: number } | undefined;
  const all = data && answered?.organizationId === organizationId ? data.fundsNeedingAProject : [];
  const shownCount = answered && answered.first < first ? answered.first - 1 : count;
  return {
    funds: all.slice(0, shownCount),
    hasMore: all.length > shownCount,
    loadingMore: fetching && shownCount < count,
    more: () => setShown({ organizationId, count: Math.min(count + NEEDING_A_PROJECT_PAGE, MAX_FIRST) }),
  };
}

/**
 * "Funds you could apply to with a suitable project": each fund with its deadline and the project
 * rules its nearest project fails (in the API's words), and where to create a project. Nothing at
 * all when there is no such fund, or when the user may not see them.
 */
export function FundsNeedingAProject({
  organizationSlug,
  linkQuery,
  funds,
  hasMore,
  loadingMore,
  onMore,
}: {
  organizationSlug: string;
  /** Kept on the links to the funds (`?org=…`), so the fund page acts for the same organization. */
  linkQuery: string;
  funds: FundNeedingAProject[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (funds.length === 0) return null;
  return (
    <section aria-labelledby="funds-needing-a-project" data-testid="funds-needing-a-project">
      <Title order={2} size="h3" id="funds-needing-a-project" mb="xs">
        {t('funding.needingProject.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('funding.needingProject.help')}
      </Text>
      <Stack gap="sm">
        {funds.map(({ fund, failedRules }) => (
          <Card key={fund.id} withBorder padding="md" component="article" data-testid="fund-needing-a-project">
            <Anchor component={Link} to={`/funds/${fund.id}${linkQuery}`} fw={600}>
              {fund.title}
            </Anchor>
            <Text size="sm" c="dimmed" mb="xs">
              {fund.funder.name} · {t('funding.deadline', { date: formatDate(fund.deadline, i18n.language) })}
            </Text>
            <Box
              component="ul"
              m={0}
              mb="xs"
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('funding.needingProject.rules', { fund: fund.title })}
            >
              {failedRules.map((check) => (
                <li key={check.rule} data-rule={check.rule}>
                  <Group gap={8} wrap="nowrap" align="flex-start" py={2}>
                    <Text
                      component="span"
                      aria-hidden="true"
                      fw={700}
                      c="red.9"
                      style={{ flex: '0 0 auto', width: 16 }}
                    >
                      ✗
                    </Text>
                    <Text size="sm">
                      <strong>{t(`funding.rule.${check.rule}`, { defaultValue: check.rule })}</strong> — {check.detail}
                    </Text>
                  </Group>
                </li>
              ))}
            </Box>
            <Anchor component={Link} to={`/organizations/${organizationSlug}/projects/new`} size="sm">
              {t('funding.needingProject.createProject')}
            </Anchor>
          </Card>
        ))}
      </Stack>
      {hasMore && (
        <Button variant="default" mt="sm" loading={loadingMore} onClick={onMore}>
          {t('funding.needingProject.more')}
        </Button>
      )}
    </section>
  );
}

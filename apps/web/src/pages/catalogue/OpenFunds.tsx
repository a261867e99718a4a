import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { PagedList } from './PagedList';

const OpenFundsQuery = graphql(`
  query OpenFunds($after: String) {
    funds(openOnly: true, first: 20, after: $after) {
      nodes {
        id
        title
        deadline
        currency
        minGrant
        maxGrant
        funder {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /funds: the funds open now, for anyone (what a visitor may see), soonest deadline first as the API orders them. */
export default function OpenFunds() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Container size="md">
      <Stack gap="md">
        <div>
          <Title order={1}>{t('catalogue.funds.title')}</Title>
          <Text>{t('catalogue.funds.intro')}</Text>
        </div>
        <PagedList
          query={OpenFundsQuery}
          page={(data) => data.funds}
          empty={t('catalogue.funds.none')}
          item={(fund) => (
            <Card key={fund.id} withBorder padding="sm" component="li" data-testid="public-fund">
              <Anchor component={Link} to={`/funds/${fund.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {fund.title}
              </Anchor>
              <Text size="sm">
                {fund.funder.name} · {t('funding.deadline', { date: formatDate(fund.deadline, lang) })}
              </Text>
              {fund.maxGrant !== null && fund.maxGrant !== undefined && (
                <Text size="sm" c="dimmed">
                  {t('funding.grantRange', {
                    min: formatMoney(fund.minGrant ?? 0, fund.currency, lang),
                    max: formatMoney(fund.maxGrant, fund.currency, lang),
                  })}
                </Text>
              )}
            </Card>
          )}
        />
      </Stack>
    </Container>
  );
}

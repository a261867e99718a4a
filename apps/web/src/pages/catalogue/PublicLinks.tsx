import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Links to what anyone may browse beside the directory: open funds, training offers, consultations. */
export function PublicLinks() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('catalogue.elsewhere')}>
      <Group gap="md" wrap="wrap">
        <Text size="sm" fw={600} component="span">
          {t('catalogue.elsewhere')}:
        </Text>
        <Anchor component={Link} to="/funds" size="sm" underline="always">
          {t('catalogue.funds.link')}
        </Anchor>
        <Anchor component={Link} to="/training-offers" size="sm" underline="always">
          {t('catalogue.trainings.link')}
        </Anchor>
        <Anchor component={Link} to="/consultations" size="sm" underline="always">
          {t('catalogue.consultations.link')}
        </Anchor>
      </Group>
    </nav>
  );
}

import { Anchor, AppShell, Box, Burger, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { signOut } from '../auth/session';
import { useSession } from '../auth/useSession';
import { useGovernmentNavItems } from '../pages/government/conveners';
import { useFunderNav } from '../pages/funder/funder-access';
import { useProviderNav } from '../pages/provider/provider-access';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Loading } from './Loading';
import { NotificationsBell } from './NotificationsBell';
import classes from './Layout.module.css';

function NavItems({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const items = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/directory', label: t('nav.directory') },
    ...(user ? [{ to: '/me/organizations', label: t('nav.myOrganizations') }] : []),
    ...(user
      ? [
          { to: '/funding', label: t('funding.title') },
          { to: '/trainings', label: t('funding.trainings.title') },
        ]
      : []),
    ...useGovernmentNavItems(),
    ...useFunderNav(),
    ...useProviderNav(),
    ...(user && user.platformRole !== 'USER' ? [{ to: '/moderation/verification', label: t('moderation.nav') }] : []),
  ];
  return (
    <>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} className={classes.link} onClick={onNavigate}>
          {item.label}
        </NavLink>
      ))}
    </>
  );
}

function Account() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const navigate = useNavigate();
  if (!ready) return null;
  if (!user) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/sign-in" variant="default" size="sm">
          {t('nav.signIn')}
        </Button>
        <Button component={Link} to="/sign-up" size="sm" visibleFrom="xs">
          {t('nav.signUp')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <NotificationsBell />
      <Text size="sm" visibleFrom="xl" className={classes.userName} data-testid="signed-in-user">
        <VisuallyHidden>{t('nav.signedInAs', { name: user.name })}</VisuallyHidden>
        <span aria-hidden="true">{user.name}</span>
      </Text>
      <Button
        variant="default"
        size="sm"
        onClick={() => void signOut().then(() => navigate('/sign-in', { state: { signedOut: true } }))}
      >
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigation = useNavigation();
  useEffect(close, [location.pathname, close]);
  // Below the md breakpoint (62em) the links are behind the menu button, and below sm (48em) the
  // language choice too, so the account buttons (sign out) always fit, down to a 320 px phone.
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" className={classes.start}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.openMenu')} />
            <Anchor component={Link} to="/" fw={700} c="teal.9" underline="never" className={classes.brand}>
              {t('app.name')}
            </Anchor>
            <nav aria-label={t('nav.main')} className={classes.topNav}>
              <NavItems onNavigate={close} />
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap" className={classes.end}>
            <Box visibleFrom="sm">
              <LanguageSwitcher />
            </Box>
            <Account />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label={t('nav.main')}>
        <Stack gap="xs">
          <NavItems onNavigate={close} />
          {opened && (
            <Box hiddenFrom="sm" pt="sm">
              <LanguageSwitcher />
            </Box>
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

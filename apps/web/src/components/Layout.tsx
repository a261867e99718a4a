import { Anchor, AppShell, Box, Burger, Button, Group, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
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

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The pages of the main navigation for this user: the shared ones, then each workspace she has. */
function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { user } = useSession();
  return [
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
}

function NavItems({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
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

/** Space between the header's links (the .topNav gap), in px. */
const NAV_GAP = 4;

/**
 * The header's links (from the md breakpoint): as many as the width allows, in order, and the rest
 * behind a "More" menu, so a user with many workspaces (funder, government, provider, moderator…)
 * never pushes the account buttons off the screen nor hides links in a scrolling strip. The links'
 * widths are measured on an invisible copy; the nav takes the space left in the header.
 */
function TopNav({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(items.length);
  const labels = items.map((i) => i.label).join('|');
  useLayoutEffect(() => {
    const nav = navRef.current;
    const measure = measureRef.current;
    if (!nav || !measure) return;
    const fit = () => {
      const available = nav.clientWidth;
      if (available === 0) return; // hidden below md: the burger's menu has the links
      const widths = [...measure.children].map((c) => (c as HTMLElement).offsetWidth);
      const more = widths.pop() ?? 0;
      const all = widths.reduce((sum, w) => sum + w + NAV_GAP, 0);
      if (all <= available) {
        setShown(widths.length);
        return;
      }
      let used = more;
      let count = 0;
      while (count < widths.length && used + widths[count] + NAV_GAP <= available) used += widths[count++] + NAV_GAP;
      setShown(count);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(nav);
    return () => observer.disconnect();
  }, [labels]);
  const visible = items.slice(0, shown);
  const hidden = items.slice(shown);
  const current = hidden.some((i) =>
    i.end ? location.pathname === i.to : location.pathname === i.to || location.pathname.startsWith(`${i.to}/`),
  );
  return (
    <nav aria-label={t('nav.main')} className={classes.topNav} ref={navRef} data-testid="top-nav">
      {visible.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} className={classes.link}>
          {item.label}
        </NavLink>
      ))}
      {hidden.length > 0 && (
        <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <button
              type="button"
              className={`${classes.link} ${classes.more}`}
              data-current={current || undefined}
              aria-label={t('nav.moreLinks')}
              data-testid="nav-more"
            >
              {t('nav.more')} ▾
            </button>
          </Menu.Target>
          <Menu.Dropdown>
            {hidden.map((item) => (
              <Menu.Item key={item.to} component={NavLink} to={item.to} end={item.end}>
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <div ref={measureRef} className={classes.measure} aria-hidden="true">
        {items.map((item) => (
          <span key={item.to} className={classes.link}>
            {item.label}
          </span>
        ))}
        <span className={`${classes.link} ${classes.more}`}>{t('nav.more')} ▾</span>
      </div>
    </nav>
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
  const items = useNavItems();
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
            <TopNav items={items} />
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
          <NavItems items={items} onNavigate={close} />
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

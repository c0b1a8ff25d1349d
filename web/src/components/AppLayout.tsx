import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ReferenceProvider } from '../features/reference/ReferenceProvider';
import { AppName } from './AppName';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNavigation } from './MainNavigation';
import { SkipLink } from './SkipLink';
import { UserSummary } from './UserSummary';

const NAVBAR_ID = 'main-navigation';
const MAIN_ID = 'main-content';

/** Header, navigation and the current page; on phones the navigation folds behind a burger button. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <SkipLink target={MAIN_ID} />
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? 'nav.close' : 'nav.open')}
              aria-expanded={opened}
              aria-controls={NAVBAR_ID}
            />
            <AppName />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserSummary visibleFrom="sm" />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id={NAVBAR_ID} aria-label={t('nav.label')} p="xs">
        <AppShell.Section grow>
          <MainNavigation onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm">
          <UserSummary />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <ReferenceProvider>
          <Outlet />
        </ReferenceProvider>
      </AppShell.Main>
    </AppShell>
  );
}

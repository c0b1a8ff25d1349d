import { Box, Container, Group, Paper, Switch } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppName } from '../../components/AppName';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDisplayPreferences } from './display-context';

/**
 * The frame of the pages a member reaches before マイページ (code sign-in, first password): the app's name, the
 * language, and large text at hand from the first screen.
 */
export function PublicPageFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { preferences, change } = useDisplayPreferences();
  return (
    <>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" gap="sm">
          <AppName />
          <Group gap="md">
            <Switch
              size="md"
              label={t('portal.display.largeTextShort')}
              checked={preferences.largeText}
              onChange={(event) => change({ largeText: event.currentTarget.checked })}
            />
            <LanguageSwitch />
          </Group>
        </Group>
      </Box>
      <Container component="main" size={480} py="lg" px="sm">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          {children}
        </Paper>
      </Container>
    </>
  );
}

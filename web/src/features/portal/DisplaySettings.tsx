import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDisplayPreferences } from './display-context';

/** 文字の大きさ・見やすさ・ことば: large text and high contrast for this device, and the language. */
export function DisplaySettings({ withLanguage = true }: { withLanguage?: boolean }) {
  const { t } = useTranslation();
  const { preferences, change } = useDisplayPreferences();
  return (
    <Stack gap="md">
      <Switch
        size="lg"
        label={t('portal.display.largeText')}
        description={t('portal.display.largeTextHint')}
        checked={preferences.largeText}
        onChange={(event) => change({ largeText: event.currentTarget.checked })}
      />
      <Switch
        size="lg"
        label={t('portal.display.highContrast')}
        description={t('portal.display.highContrastHint')}
        checked={preferences.highContrast}
        onChange={(event) => change({ highContrast: event.currentTarget.checked })}
      />
      {withLanguage && (
        <Stack gap={4}>
          <Text fw={500}>{t('portal.display.language')}</Text>
          <LanguageSwitch />
        </Stack>
      )}
      <Text size="sm" c="dimmed">
        {t('portal.display.deviceNote')}
      </Text>
    </Stack>
  );
}

import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors';
import { useSession } from '../features/session/session-context';
import { LOCALES, useLocale, type Locale } from '../i18n';
import { notifyError } from '../notify';

/** 日本語 / English, each written in its own language; the choice is kept on the device and in the account. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { changeLocale } = useSession();
  const errorText = useErrorText();
  const locale = useLocale();

  return (
    <SegmentedControl<Locale>
      aria-label={t('language.label')}
      size="xs"
      data={LOCALES.map((option) => ({ value: option, label: <span lang={option}>{t(`language.${option}`)}</span> }))}
      value={locale}
      onChange={(chosen) => {
        changeLocale(chosen).catch((error: unknown) => notifyError(errorText(error)));
      }}
    />
  );
}

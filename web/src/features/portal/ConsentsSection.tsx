import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra } from '../../format';
import { useLocale } from '../../i18n';
import { PortalSection } from './PortalSection';
import type { PortalConsent } from './portal';

/** わたしの同意: consents given as a programme participant, and whether they were withdrawn. Shown only when there are any. */
export function ConsentsSection({ consents }: { consents: PortalConsent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const programmeName = (programme: PortalConsent['programme']) =>
    typeof programme === 'string' ? programme : locale === 'en' && programme.en ? programme.en : programme.ja;
  return (
    <PortalSection id="my-consents" title={t('portal.consents.title')}>
      <List spacing="sm">
        {consents.map((consent, index) => (
          <List.Item key={consent.id ?? index}>
            <Text fw={700}>{programmeName(consent.programme)}</Text>
            <Text>{t('portal.consents.purpose', { purpose: t(`casework.consentPurpose.${consent.purpose}`, { defaultValue: consent.purpose }) })}</Text>
            <Text>
              {t('portal.consents.given', { date: formatDateWithEra(consent.givenOn, locale) })}
              {consent.withdrawnOn ? ` · ${t('portal.consents.withdrawn', { date: formatDateWithEra(consent.withdrawnOn, locale) })}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </PortalSection>
  );
}

import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { PortalSection } from './PortalSection';
import type { Portal } from './portal';

/** 総代として: the seats a delegate holds and the members they represent (names only). */
export function DelegateSection({ delegate }: { delegate: NonNullable<Portal['delegate']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PortalSection id="my-delegate" title={t('portal.delegate.title')}>
      {(delegate.seats ?? []).map((seat, index) => (
        <Text key={index}>
          {t('portal.delegate.seat', { body: locale === 'en' && seat.bodyNameEn ? seat.bodyNameEn : seat.bodyNameJa })}
          {seat.constituency ? ` · ${t('portal.delegate.constituency', { constituency: seat.constituency })}` : ''}
        </Text>
      ))}
      {delegate.represented.length === 0 ? (
        <Text>{t('portal.delegate.wholeOrganization')}</Text>
      ) : (
        <>
          <Text>{t('portal.delegate.represented', { count: delegate.represented.length })}</Text>
          <List spacing={2} aria-label={t('portal.delegate.listLabel')}>
            {delegate.represented.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </>
      )}
    </PortalSection>
  );
}

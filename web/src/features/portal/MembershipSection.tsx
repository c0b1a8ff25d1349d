import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra } from '../../format';
import { useLocale } from '../../i18n';
import { Facts, PortalSection } from './PortalSection';
import type { Portal } from './portal';

/** わたしの組合員資格: each membership with its number, kind and state, and its history. */
export function MembershipSection({ portal }: { portal: Portal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const organizationName = locale === 'en' && portal.organization.nameEn ? portal.organization.nameEn : portal.organization.nameJa;
  return (
    <PortalSection id="my-membership" title={t('portal.membership.title')}>
      <Text>{t('portal.membership.organization', { name: organizationName })}</Text>
      {portal.memberships.length === 0 && <Text>{t('portal.membership.none')}</Text>}
      {portal.memberships.map((membership) => (
        <Stack key={membership.id} gap="sm">
          <Facts
            items={[
              { label: t('portal.membership.number'), value: membership.memberNumber },
              { label: t('portal.membership.kind'), value: t(`memberKind.${membership.kind}`, { defaultValue: membership.kind }) },
              { label: t('portal.membership.status'), value: t(`membershipStatus.${membership.status}`, { defaultValue: membership.status }) },
              ...(membership.admittedOn ? [{ label: t('portal.membership.admittedOn'), value: formatDateWithEra(membership.admittedOn, locale) }] : []),
              ...(membership.endedOn ? [{ label: t('portal.membership.endedOn'), value: formatDateWithEra(membership.endedOn, locale) }] : []),
            ]}
          />
          {membership.events.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('portal.membership.history')}
              </Title>
              <List spacing={4}>
                {membership.events.map((event, index) => (
                  <List.Item key={`${event.event}-${event.on}-${index}`}>
                    <time dateTime={event.on}>{formatDateWithEra(event.on, locale)}</time>
                    {t('common.listSeparator')}
                    {t(`membershipEvent.${event.event}`, { defaultValue: event.event })}
                    {event.reason ? ` (${event.reason})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      ))}
    </PortalSection>
  );
}

import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { ApiTokens } from '../features/account/ApiTokens';
import { ProfileForm } from '../features/account/ProfileForm';
import { useMe } from '../features/session/session-context';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('nav.account')} />
      <Stack gap="xl">
        <Stack component="section" aria-labelledby="profile-heading" gap="md">
          <Title order={2} size="h4" id="profile-heading">
            {t('account.profile')}
          </Title>
          {/* Starts again from the account when the language is switched in the header. */}
          <ProfileForm key={me.locale} />
        </Stack>
        <Divider />
        <ApiTokens />
      </Stack>
    </>
  );
}

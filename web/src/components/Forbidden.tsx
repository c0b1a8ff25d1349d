import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

/** A page the signed-in user may not see: its title, and why it shows nothing. */
export function Forbidden({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray">{t('errors.forbidden')}</Alert>
    </>
  );
}

import { Alert } from '@mantine/core';
import { IconHammer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PendingSection } from '../routes/sections';
import { PageHeader } from './PageHeader';

/** The page of a capability that does not exist yet; the section's own page replaces it when it is built. */
export function BeingBuilt({ section }: { section: PendingSection }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <Alert icon={<IconHammer aria-hidden />} title={t('beingBuilt.title')} color="gray" variant="light">
        {t(`beingBuilt.${section}`)}
      </Alert>
    </>
  );
}

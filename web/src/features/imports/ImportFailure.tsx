import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../errors';

/** Why a file was refused before its rows were checked, or why the import failed; `children` give the details. */
export function ImportFailure({ error, children }: { error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert color="red" role="alert" title={t('memberImport.failed')}>
      <Text size="sm">{errorText(error)}</Text>
      {children}
    </Alert>
  );
}

import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function AppName() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" fw={700} size="lg" c="inherit" underline="never" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
      {t('appName')}
    </Anchor>
  );
}

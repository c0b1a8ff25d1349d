import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The link above a registry page back to the member list. */
export function BackToMembers() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/members" size="sm" display="inline-flex" mb="xs" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      {t('members.back')}
    </Anchor>
  );
}

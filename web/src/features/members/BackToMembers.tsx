import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';

/** The link above a registry page back to the member list. */
export function BackToMembers() {
  const { t } = useTranslation();
  return (
    <BackLink to="/members" mb="xs">{t('members.back')}</BackLink>
  );
}

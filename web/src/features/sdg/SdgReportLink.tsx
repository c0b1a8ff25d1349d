import { Anchor } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import type { Dashboard } from '../reporting/reporting';

/** From a report to the SDG view of the same scope and year. */
export function SdgReportLink({ dashboard }: { dashboard: Pick<Dashboard, 'scope' | 'fiscalYear'> }) {
  const { t } = useTranslation();
  const to = withQuery('/reports/sdg', {
    organization: dashboard.scope.kind === 'organization' ? dashboard.scope.id : null,
    fiscalYear: String(dashboard.fiscalYear),
  });
  return (
    <Anchor component={Link} to={to} size="sm" mb={6} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconWorld size={16} aria-hidden />
      {t('sdg.link')}
    </Anchor>
  );
}

import { Anchor, Button, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { personName } from '../features/members/member';
import { useLabels } from '../features/reference/use-labels';
import { canKeepCapital } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { StatementView } from '../features/surplus/StatementView';
import { surplusPages, surplusPaths, type DividendStatement } from '../features/surplus/surplus';
import { formatFiscalYear } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

/**
 * A member's dividend statement for one close: staff read any member's (from the close's dividends), a member their
 * own once the assembly has resolved it (from their home).
 */
export function DividendStatementPage() {
  const { closingId = '', membershipId = '' } = useParams();
  const statement = useResource<DividendStatement>(surplusPaths.statement(closingId, membershipId));
  return <Loaded resource={statement}>{(data) => <Statement statement={data} />}</Loaded>;
}

function Statement({ statement }: { statement: DividendStatement }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const labels = useLabels();
  const staff = canKeepCapital(me);
  return (
    <>
      <PageHeader
        title={t('surplus.statement.title', { year: formatFiscalYear(statement.fiscalYear, locale) })}
        subtitle={t('surplus.statement.subtitle', {
          name: personName(statement),
          number: statement.memberNumber,
          organization: labels.organizationName(statement.organization),
        })}
        actions={
          <Button
            component={Link}
            to={staff ? surplusPages.closing(statement.closingId) : '/'}
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t(staff ? 'surplus.statement.backToClosing' : 'surplus.statement.backHome')}
          </Button>
        }
      />
      {staff && (
        <Group mb="md">
          <Anchor component={Link} to={`/members/${encodeURIComponent(statement.membershipId)}`}>
            {t('surplus.statement.toMember')}
          </Anchor>
        </Group>
      )}
      <StatementView statement={statement} />
    </>
  );
}

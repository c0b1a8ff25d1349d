import { Anchor, Card, DataList, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../reference/use-labels';
import { useMe } from '../session/session-context';

/** The signed-in person's own account. */
export function AccountCard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  return (
    <Card withBorder padding="lg" maw={640} component="section" aria-labelledby="my-account-heading">
      <Title order={2} size="h3" id="my-account-heading" mb="sm">
        {me.displayName}
      </Title>
      <DataList mb="md">
        <DataList.Item>
          <DataList.ItemLabel>{t('user.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{me.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('user.role')}</DataList.ItemLabel>
          <DataList.ItemValue>{labels.code('role', me.role)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Anchor component={Link} to="/account">
        {t('account.open')}
      </Anchor>
    </Card>
  );
}

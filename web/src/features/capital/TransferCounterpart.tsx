import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../use-resource';
import { memberPaths, personName, type MemberRecord } from '../members/member';

/** The other member of a transfer, by number and name, linking to their page: to whom the shares went, or from whom. */
export function TransferCounterpart({ membershipId, gave }: { membershipId: string; gave: boolean }) {
  const { t } = useTranslation();
  const other = useResource<MemberRecord>(memberPaths.one(membershipId));
  const record = other.data;
  return (
    <Text size="sm">
      {t(gave ? 'capital.entry.transferredTo' : 'capital.entry.transferredFrom')}{' '}
      {record ? (
        <Anchor component={Link} to={`/members/${membershipId}`} lang="ja">
          {`${record.membership.memberNumber} ${personName(record.person)}`}
        </Anchor>
      ) : (
        t('common.none')
      )}
    </Text>
  );
}

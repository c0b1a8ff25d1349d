import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { personKana, personName, type Membership, type Person } from './member';
import { MembershipStatusBadge } from './MembershipStatusBadge';

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <DataList withDivider labelWidth={124} orientation="horizontal">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

interface MembershipDetailsProps {
  membership: Membership;
  /** The kind's name, as the organization calls it. */
  kindName: string;
  organizationName: string | null;
}

/** The membership: number, kind, status and its dates. */
export function MembershipDetails({ membership, kindName, organizationName }: MembershipDetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (value: string | null) => (value ? formatDateWithEra(value, locale) : t('common.none'));
  const rows: [string, ReactNode][] = [
    [t('member.memberNumber'), membership.memberNumber],
    [t('member.kind'), kindName],
    [t('member.status'), <MembershipStatusBadge status={membership.status} />],
    [t('member.admittedOn'), date(membership.admittedOn)],
    [t('member.endedOn'), date(membership.endedOn)],
  ];
  if (organizationName) rows.unshift([t('member.organization'), organizationName]);
  return <Rows rows={rows} />;
}

/** The person as the registry records them. */
export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const none = t('common.none');
  return (
    <Rows
      rows={[
        [t('member.name'), <span lang="ja">{personName(person)}</span>],
        [t('member.kana'), <span lang="ja">{personKana(person)}</span>],
        [t('member.birthDate'), person.birthDate ? formatDateWithEra(person.birthDate, locale) : none],
        [t('member.email'), person.email ?? none],
        [t('member.phone'), person.phone ?? none],
        [t('member.postalCode'), person.postalCode ? formatPostalCode(person.postalCode) : none],
        [t('member.prefectureCode'), person.prefectureCode ? labels.prefecture(person.prefectureCode) : none],
        [t('member.address'), person.address ? <span lang="ja">{person.address}</span> : none],
      ]}
    />
  );
}

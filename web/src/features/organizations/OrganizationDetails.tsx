import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearEndMonth, formatDate, formatDateTime, formatMonth, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { BusinessLineBadges } from './BusinessLineBadges';
import type { Organization } from './organization';
import { StatusBadge } from './StatusBadge';

export function OrganizationDetails({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const none = t('common.none');

  const rows: [string, ReactNode][] = [
    [t('field.code'), o.code],
    [t('field.kind'), labels.code('kind', o.kind)],
    [t('field.nameJa'), <span lang="ja">{o.nameJa}</span>],
    [t('field.nameEn'), o.nameEn ? <span lang="en">{o.nameEn}</span> : none],
    [t('field.legalForm'), labels.code('legalForm', o.legalForm)],
    [t('field.lawProfile'), labels.code('lawProfile', o.lawProfile)],
    [t('field.registrationDate'), o.registrationDate ? formatDate(o.registrationDate, locale) : none],
    [
      t('field.fiscalYear'),
      t('organization.fiscalYearSpan', {
        start: formatMonth(o.fiscalYearStartMonth, locale),
        end: formatMonth(fiscalYearEndMonth(o.fiscalYearStartMonth), locale),
      }),
    ],
    [t('field.prefectureCode'), o.prefectureCode ? labels.prefecture(o.prefectureCode) : none],
    [t('field.postalCode'), o.postalCode ? formatPostalCode(o.postalCode) : none],
    [t('field.address'), o.address ?? none],
    [t('field.businessLines'), <BusinessLineBadges lines={o.businessLines} />],
    [t('field.status'), <StatusBadge status={o.status} />],
  ];
  if (o.kind === 'federation') rows.push([t('federation.memberOrganizations'), o.memberOrganizationCount]);
  rows.push([t('field.updatedAt'), formatDateTime(o.updatedAt, locale)]);

  return (
    <DataList withDivider labelWidth={200} orientation="horizontal">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

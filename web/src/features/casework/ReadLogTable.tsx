import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import type { ParticipantRead } from './casework';

/** Who read which participant's record, and when (閲覧記録): the latest first. */
export function ReadLogTable({ reads, siteName }: { reads: ParticipantRead[]; siteName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (reads.length === 0) return <Text c="dimmed">{t('casework.reads.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('casework.reads.caption', { site: siteName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('casework.reads.at')}</Table.Th>
            <Table.Th scope="col">{t('casework.reads.actor')}</Table.Th>
            <Table.Th scope="col">{t('casework.reference')}</Table.Th>
            <Table.Th scope="col">{t('casework.reads.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reads.map((read, i) => (
            <Table.Tr key={`${read.at}-${read.participantId}-${i}`}>
              <Table.Td>{formatDateTime(read.at, locale)}</Table.Td>
              <Table.Td>{read.actorEmail ?? t('casework.reads.system')}</Table.Td>
              <Table.Td>
                {read.participantId !== null ? (
                  <Anchor component={Link} to={`/participants/${encodeURIComponent(read.participantId)}`}>
                    {read.reference}
                  </Anchor>
                ) : (
                  t('casework.reads.officeList')
                )}
              </Table.Td>
              <Table.Td>{t(`casework.readAction.${read.action}`, { defaultValue: read.action })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

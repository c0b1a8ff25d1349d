import { Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';

export interface SampleColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
}

interface ImportSampleProps<Row extends { line: number }> {
  /** The first rows as the server read them, each with its line in the file. */
  rows: Row[];
  columns: SampleColumn<Row>[];
  minWidth: number;
}

/** The first rows of a previewed file, as they would be imported. */
export function ImportSample<Row extends { line: number }>({ rows, columns, minWidth }: ImportSampleProps<Row>) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('memberImport.sample')}
      </Title>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('memberImport.line')}</Table.Th>
              {columns.map((column) => (
                <Table.Th scope="col" key={column.key}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{formatNumber(row.line, locale)}</Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

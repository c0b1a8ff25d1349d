import { Alert, Group, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';

/** How many problems the page lists; the error report holds them all. */
const PROBLEMS_SHOWN = 200;

/** A problem found in a row of the file. */
export interface RowProblem {
  line: number;
  column: string;
  value: string;
}

interface ImportProblemsProps<P extends RowProblem> {
  problems: P[];
  /** Why the row was refused, in words. */
  reason: (problem: P) => string;
  /** The buttons that download the reports. */
  downloads: ReactNode;
}

/** The problems a preview found, row by row (the first of them), or that there are none. */
export function ImportProblems<P extends RowProblem>({ problems, reason, downloads }: ImportProblemsProps<P>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  if (problems.length === 0) {
    return (
      <Alert color="teal" variant="light">
        {t('memberImport.noProblems')}
      </Alert>
    );
  }
  const title = t('memberImport.problems', { count: problems.length });
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Group gap="xs" mb="xs">
        {downloads}
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('memberImport.line')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.column')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.reason')}</Table.Th>
              <Table.Th scope="col">{t('memberImport.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
              <Table.Tr key={`${problem.line}:${problem.column}:${index}`}>
                <Table.Td>{number(problem.line)}</Table.Td>
                <Table.Td>{problem.column}</Table.Td>
                <Table.Td>{reason(problem)}</Table.Td>
                <Table.Td>{problem.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > PROBLEMS_SHOWN && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('memberImport.moreProblems', { shown: number(PROBLEMS_SHOWN), total: number(problems.length) })}
        </Text>
      )}
    </div>
  );
}

import { Group, NativeSelect, Pagination, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from './member-list-query';

interface MembersPaginationProps {
  page: number;
  pages: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

/** Pages of the registry, and how many rows a page holds. */
export function MembersPagination({ page, pages, pageSize, onPage, onPageSize }: MembersPaginationProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  // On phones: fewer page buttons, so they stay on one line.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.xs})`, true, { getInitialValueInEffect: false });
  return (
    <Group justify="space-between" align="flex-end" gap="sm" mt="md">
      <nav aria-label={t('members.pagination')}>
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          withEdges={wide}
          siblings={wide ? 1 : 0}
          boundaries={1}
          size="sm"
          gap={4}
          getItemProps={(item) => ({ 'aria-label': t('members.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`members.${control}Page`) })}
        />
      </nav>
      <NativeSelect
        label={t('members.pageSize')}
        size="xs"
        w={120}
        value={String(pageSize)}
        onChange={(event) => onPageSize(Number(event.currentTarget.value))}
        data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('members.pageSizeOption', { count: size }) }))}
      />
    </Group>
  );
}

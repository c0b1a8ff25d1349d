import { Anchor, Badge, Button, Group, Loader, Menu, Pagination, Stack, Table, Text, TextInput, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiHref } from '../../api';
import { CardList } from '../../components/CardList';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { personKana, personName } from '../members/member';
import { surplusPages, surplusPaths, type Closing, type DividendLine, type DividendPage } from './surplus';
import { useSurplusFormat, workUnitOf } from './use-surplus-format';

const PAGE_SIZE = 50;
const NUMERIC = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The members' dividend lines of a close, a page at a time, found by member number or name: each member's work,
 * exact share, rounding, dividend, what is set against unpaid capital and what is paid. A row opens the member's
 * statement. The whole list downloads as CSV for Excel and the bank transfer.
 */
export function DividendsPanel({ closing, labelledBy }: { closing: Closing; labelledBy: string }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, undefined, { getInitialValueInEffect: false });
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const lines = useResource<DividendPage>(surplusPaths.dividends(closing.id, (page - 1) * PAGE_SIZE, PAGE_SIZE, query), { keepPrevious: true });
  const data = lines.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(text);
            setPage(1);
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              type="search"
              label={t('surplus.dividends.search')}
              description={t('surplus.dividends.searchHint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              w={{ base: '100%', xs: 300 }}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              {t('surplus.dividends.searchButton')}
            </Button>
          </Group>
        </form>
        <DividendsDownloads closingId={closing.id} />
      </Group>
      {!data ? (
        lines.error ? <ErrorState error={lines.error} onRetry={lines.reload} /> : <LoadingState />
      ) : (
        <>
          <Group gap="xs">
            <Text size="sm" role="status">
              {t('surplus.dividends.count', { count: data.total, shown: data.lines.length })}
            </Text>
            {lines.stale && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
          {wide ? (
            <DividendsTable closing={closing} lines={data.lines} busy={lines.stale} labelledBy={labelledBy} />
          ) : (
            <DividendCards closing={closing} lines={data.lines} busy={lines.stale} labelledBy={labelledBy} />
          )}
          {pages > 1 && (
            <nav aria-label={t('surplus.dividends.pagination')}>
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={setPage}
                size="sm"
                getItemProps={(item) => ({ 'aria-label': t('surplus.dividends.page', { page: item }) })}
                getControlProps={(control) => ({ 'aria-label': t(`members.${control}Page`) })}
              />
            </nav>
          )}
        </>
      )}
    </Stack>
  );
}

/** Every member's dividend as CSV, UTF-8 for Excel or Shift_JIS, in the page's language. */
function DividendsDownloads({ closingId }: { closingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('surplus.dividends.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['utf-8', 'cp932'] as const).map((encoding) => (
          <Menu.Item key={encoding} component="a" href={apiHref(surplusPaths.dividendsCsv(closingId, encoding, locale))} download="dividends.csv">
            {t(encoding === 'utf-8' ? 'surplus.dividends.csvUtf8' : 'surplus.dividends.csvCp932')}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

interface LinesProps {
  closing: Closing;
  lines: DividendLine[];
  busy: boolean;
  labelledBy: string;
}

/** The rounding of a line: rounded up with its place among the remainders, rounded down, or none needed. */
function Rounding({ line }: { line: DividendLine }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rank = line.remainderRank === null ? '' : formatNumber(line.remainderRank, locale);
  if (line.exact.remainder === 0) return <Text span size="sm">{t('surplus.rounding.none')}</Text>;
  if (line.roundedUp) {
    return (
      <Badge component="span" color="blue.9" variant="filled" style={{ textTransform: 'none' }}>
        {t('surplus.rounding.up', { rank })}
      </Badge>
    );
  }
  return <Text span size="sm">{t('surplus.rounding.down', { rank })}</Text>;
}

function MemberLink({ closing, line }: { closing: Closing; line: DividendLine }) {
  return (
    <Anchor component={Link} to={surplusPages.statement(closing.id, line.membershipId)} fw={700} lang="ja">
      {personName(line)}
    </Anchor>
  );
}

function DividendsTable({ closing, lines, busy, labelledBy }: LinesProps) {
  const { t } = useTranslation();
  const format = useSurplusFormat(workUnitOf(closing.measure));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('member.numberShort')}</Table.Th>
            <Table.Th scope="col">{t('member.name')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.dividends.work')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.dividends.exact')}</Table.Th>
            <Table.Th scope="col">{t('surplus.dividends.rounding')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.dividends.amount')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.dividends.withheld')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.dividends.payment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.membershipId}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{line.memberNumber}</Table.Td>
              <Table.Td>
                <MemberLink closing={closing} line={line} />
                <Text size="xs" c="dimmed" lang="ja">
                  {personKana(line)}
                </Text>
              </Table.Td>
              <Table.Td style={NUMERIC}>{format.work(line.work)}</Table.Td>
              <Table.Td style={NUMERIC}>{exactText(line, format, t)}</Table.Td>
              <Table.Td>
                <Rounding line={line} />
              </Table.Td>
              <Table.Td style={NUMERIC} fw={700}>
                {format.yen(line.amount)}
              </Table.Td>
              <Table.Td style={NUMERIC}>{format.yen(line.withheld)}</Table.Td>
              <Table.Td style={NUMERIC}>{format.yen(line.payment)}</Table.Td>
            </Table.Tr>
          ))}
          {lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text>{t('surplus.dividends.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DividendCards({ closing, lines, busy, labelledBy }: LinesProps) {
  const { t } = useTranslation();
  const format = useSurplusFormat(workUnitOf(closing.measure));
  return (
    <CardList items={lines} itemKey={(line) => line.membershipId} emptyText={t('surplus.dividends.none')} labelledBy={labelledBy} busy={busy}>
      {(line) => (
        <Stack gap={2}>
          <MemberLink closing={closing} line={line} />
          <Text size="sm" c="dimmed">
            {t('member.numberShort')} {line.memberNumber} · {t('surplus.dividends.work')} {format.work(line.work)}
          </Text>
          <Text size="sm">
            {t('surplus.dividends.exact')} {exactText(line, format, t)}
          </Text>
          <div>
            <Rounding line={line} />
          </div>
          <Text size="sm" fw={700}>
            {t('surplus.dividends.amount')} {format.yen(line.amount)}
          </Text>
          <Text size="sm">
            {t('surplus.dividends.withheld')} {format.yen(line.withheld)} · {t('surplus.dividends.payment')} {format.yen(line.payment)}
          </Text>
        </Stack>
      )}
    </CardList>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** The exact share as whole yen and a fraction: 12,345円 + 678/9,000. */
function exactText(line: DividendLine, format: ReturnType<typeof useSurplusFormat>, t: Translate): string {
  return t('surplus.exact', { yen: format.yen(line.exact.yen), remainder: format.number(line.exact.remainder), denominator: format.number(line.exact.denominator) });
}

import { Badge, Button, Group, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconArrowsExchange, IconCash, IconCoins, IconDoorExit, IconReceiptRefund, IconTrendingDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDateWithEra, formatNumber, formatYen, formatYenChange } from '../../format';
import { useLocale } from '../../i18n';
import type { CapitalEntry, CapitalPosition } from './capital';
import { changedFigures, paymentChannel, positionChanges, reversible, transferCounterpart } from './capital-values';
import { TransferCounterpart } from './TransferCounterpart';

const ICONS: Partial<Record<string, typeof IconCoins>> = {
  subscription: IconCoins,
  payment: IconCash,
  transfer: IconArrowsExchange,
  withdrawal: IconDoorExit,
  refund: IconReceiptRefund,
  'write-down': IconTrendingDown,
  reversal: IconArrowBackUp,
};

/** Entries shown at first, newest first; the rest on request (years of monthly payroll instalments add up). */
const SHOWN = 20;

interface CapitalEntriesProps {
  /** The member whose entries these are. */
  membershipId: string;
  entries: CapitalEntry[];
  /** Offers reversing an entry; absent for those who may not. */
  onReverse?: (entry: CapitalEntry) => void;
}

/**
 * A member's capital entries, newest first: what each changed and the position after it, reversed entries marked
 * and reversals naming what they undo.
 */
export function CapitalEntries({ membershipId, entries, onReverse }: CapitalEntriesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [shown, setShown] = useState(SHOWN);
  const changes = positionChanges(entries);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const newestFirst = [...entries].reverse();
  const typeName = (type: string) => t(`capital.entryType.${type}`, { defaultValue: type });

  if (entries.length === 0) return <Text c="dimmed">{t('capital.entry.none')}</Text>;
  return (
    <>
      <Timeline active={-1} bulletSize={24} lineWidth={2} role="list" aria-label={t('capital.entry.listLabel')}>
        {newestFirst.slice(0, shown).map((entry) => {
          const Icon = ICONS[entry.type] ?? IconCoins;
          const reversed = entry.reversedByEntryId !== null;
          const original = entry.reversesEntryId ? byId.get(entry.reversesEntryId) : undefined;
          const channel = entry.type === 'payment' ? paymentChannel(entry.lines) : null;
          const counterpart = entry.type === 'transfer' ? transferCounterpart(entry.lines, membershipId) : null;
          const named = t('capital.entry.named', { type: typeName(entry.type), date: formatDateWithEra(entry.date, locale) });
          return (
            <Timeline.Item
              key={entry.id}
              role="listitem"
              bullet={<Icon size={14} aria-hidden />}
              title={
                <Group gap="xs" component="span">
                  <span>{typeName(entry.type)}</span>
                  {channel && (
                    <Text span size="sm" c="dimmed">
                      {t(`capital.channel.${channel}`)}
                    </Text>
                  )}
                  {reversed && (
                    <Badge color="gray.8" variant="outline" style={{ textTransform: 'none' }}>
                      {t('capital.entry.reversed')}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="sm" fw={700} component="time" dateTime={entry.date} td={reversed ? 'line-through' : undefined}>
                {formatDateWithEra(entry.date, locale)}
              </Text>
              {original && (
                <Text size="sm">
                  {t('capital.entry.reverses', { entry: t('capital.entry.named', { type: typeName(original.type), date: formatDateWithEra(original.date, locale) }) })}
                </Text>
              )}
              <Text size="sm" td={reversed ? 'line-through' : undefined}>
                <ChangeText change={changes.get(entry.id)} />
              </Text>
              {counterpart && <TransferCounterpart membershipId={counterpart} gave={(changes.get(entry.id)?.shares ?? 0) < 0} />}
              <Text size="sm" c="dimmed">
                {t('capital.entry.after', { position: positionText(entry.positionAfter, t, locale) })}
              </Text>
              {entry.reason && (
                <Text size="sm">
                  {t(entry.type === 'transfer' ? 'capital.entry.approval' : 'capital.entry.reason', { reason: entry.reason })}
                </Text>
              )}
              {entry.description && <Text size="sm">{t('capital.entry.description', { description: entry.description })}</Text>}
              <Text size="xs" c="dimmed" mt={2}>
                {t('memberEvent.recorded', { by: entry.recordedBy ?? t('history.system'), at: formatDateTime(entry.recordedAt, locale) })}
              </Text>
              {onReverse && reversible(entry) && (
                <Button
                  mt={4}
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconArrowBackUp size={12} aria-hidden />}
                  aria-label={t('capital.entry.reverseNamed', { entry: named })}
                  onClick={() => onReverse(entry)}
                >
                  {t('capital.movement.reverse')}
                </Button>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {newestFirst.length > shown && (
        <Button mt="sm" variant="default" size="xs" onClick={() => setShown((n) => n + SHOWN)}>
          {t('capital.entry.showMore', { count: Math.min(SHOWN, newestFirst.length - shown) })}
        </Button>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function positionText(position: CapitalPosition, t: Translate, locale: 'ja' | 'en'): string {
  const parts = [
    t('capital.sharesCount', { count: position.shares, shares: formatNumber(position.shares, locale) }),
    `${t('capital.figure.paid')} ${formatYen(position.paid, locale)}`,
    `${t('capital.figure.unpaid')} ${formatYen(position.unpaid, locale)}`,
  ];
  if (position.refundPayable !== 0) parts.push(`${t('capital.figure.refundPayable')} ${formatYen(position.refundPayable, locale)}`);
  return parts.join(' · ');
}

/** What an entry changed: 出資口数 +2 · 出資金 +20,000円 · 未払込額 +20,000円. */
function ChangeText({ change }: { change: CapitalPosition | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!change) return null;
  const figures = changedFigures(change);
  if (figures.length === 0) return <>{t('capital.entry.noChange')}</>;
  return (
    <>
      {figures
        .map((figure) =>
          figure === 'shares'
            ? `${t('capital.figure.shares')} ${change.shares > 0 ? '+' : ''}${formatNumber(change.shares, locale)}`
            : `${t(`capital.figure.${figure}`)} ${formatYenChange(change[figure], locale)}`,
        )
        .join(' · ')}
    </>
  );
}

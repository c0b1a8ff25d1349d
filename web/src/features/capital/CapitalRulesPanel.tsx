import { Alert, Button, DataList, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatDateWithEra, formatNumber, formatYen, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { capitalPaths, type CapitalRules } from './capital';
import { rulesOn } from './capital-values';
import { CapitalRulesForm } from './CapitalRulesForm';

interface CapitalRulesPanelProps {
  organizationId: string;
  /** The organization's administrator (or the federation's) records new rules; others read them. */
  canSet: boolean;
  onChanged: () => void;
}

/** The bylaws' capital rules (出資に関する定款の定め): those in force today, every version before, and a form for new ones. */
export function CapitalRulesPanel({ organizationId, canSet, onChanged }: CapitalRulesPanelProps) {
  const history = useResource<Items<CapitalRules>>(capitalPaths.rules(organizationId));
  const changed = () => {
    history.reload();
    onChanged();
  };
  return (
    <Loaded resource={history}>
      {({ items }) => <RulesView history={items} organizationId={organizationId} canSet={canSet} onChanged={changed} />}
    </Loaded>
  );
}

function RulesView({ history, organizationId, canSet, onChanged }: { history: CapitalRules[] } & CapitalRulesPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [opened, { open, close }] = useDisclosure(false);
  const today = todayInJapan();
  const current = rulesOn(history, today);
  const upcoming = history.filter((rules) => rules.effectiveFrom > today);
  const earlier = [...history].reverse().filter((rules) => rules !== current && rules.effectiveFrom <= today);

  return (
    <Stack gap="sm">
      {current ? (
        <RulesDetails rules={current} />
      ) : (
        <Alert color="yellow" variant="light">
          {history.length > 0 ? t('capital.rules.noneInForce') : t(canSet ? 'capital.rules.noneYet' : 'capital.rules.noneYetAskAdmin')}
        </Alert>
      )}
      {upcoming.length > 0 && <Versions title={t('capital.rules.upcoming')} versions={upcoming} />}
      {earlier.length > 0 && <Versions title={t('capital.rules.earlier')} versions={earlier} />}
      {canSet ? (
        <Group>
          <Button variant={current ? 'default' : 'filled'} leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('capital.rules.record')}
          </Button>
        </Group>
      ) : (
        current && (
          <Text size="sm" c="dimmed">
            {t('capital.rules.readOnly')}
          </Text>
        )
      )}
      <Dialog opened={opened} onClose={close} title={t('capital.rules.record')}>
        <CapitalRulesForm
          organizationId={organizationId}
          onCancel={close}
          onRecorded={(rules) => {
            notifySuccess(t('capital.rules.recorded', { date: formatDateWithEra(rules.effectiveFrom, locale) }));
            close();
            onChanged();
          }}
        />
      </Dialog>
    </Stack>
  );
}

/** One version's settings in a sentence: 一口 10,000円 · 最低 1口 · 上限 25%（譲受け 35%）… */
function useRulesSummary(): (rules: CapitalRules) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (rules) =>
    [
      t('capital.rules.summary.sharePrice', { price: formatYen(rules.sharePrice, locale) }),
      t('capital.rules.summary.minimumShares', { count: rules.minimumShares, shares: formatNumber(rules.minimumShares, locale) }),
      rules.capPercent === null ? t('capital.rules.noCap') : t('capital.rules.summary.cap', { cap: rules.capPercent, takeover: rules.takeoverCapPercent ?? rules.capPercent }),
      t('capital.rules.summary.noticeDays', { days: rules.refundNoticeDays }),
    ].join(t('common.listSeparator'));
}

function Versions({ title, versions }: { title: string; versions: CapitalRules[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useRulesSummary();
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      <List size="sm" spacing={4}>
        {versions.map((rules) => (
          <List.Item key={rules.effectiveFrom}>
            {t('capital.rules.from', { date: formatDateWithEra(rules.effectiveFrom, locale) })}: {summary(rules)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function RulesDetails({ rules }: { rules: CapitalRules }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string][] = [
    [t('capital.rules.effectiveFrom'), formatDateWithEra(rules.effectiveFrom, locale)],
    [t('capital.rules.sharePrice'), formatYen(rules.sharePrice, locale)],
    [t('capital.rules.minimumShares'), t('capital.sharesCount', { count: rules.minimumShares, shares: formatNumber(rules.minimumShares, locale) })],
    [t('capital.rules.capPercent'), rules.capPercent === null ? t('capital.rules.noCap') : `${rules.capPercent}%`],
    [t('capital.rules.takeoverCapPercent'), rules.takeoverCapPercent === null ? t('capital.rules.noCap') : `${rules.takeoverCapPercent}%`],
    [t('capital.rules.capExemptUpTo'), t('capital.rules.capExemptText', { count: rules.capExemptUpTo })],
    [t('capital.rules.refundNoticeDays'), t('capital.rules.daysText', { count: rules.refundNoticeDays })],
  ];
  return (
    <DataList withDivider labelWidth={160} orientation="horizontal">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import type { Membership } from '../members/member';
import { capitalPaths, type CapitalEntry, type MemberCapital as MemberCapitalData } from './capital';
import { offeredMovements, type Movement } from './capital-values';
import { CapitalEntries } from './CapitalEntries';
import { CapitalFigures } from './CapitalFigures';
import { CertificateDownload } from './CertificateDownload';
import { PaymentForm } from './PaymentForm';
import { RefundForm } from './RefundForm';
import { ReversalForm } from './ReversalForm';
import { SubscriptionForm } from './SubscriptionForm';
import { TransferForm } from './TransferForm';
import { WithdrawalForm } from './WithdrawalForm';
import { WriteDownForm } from './WriteDownForm';

/** The movements that take shares or capital away, shown in red. */
const LEAVING: readonly Movement[] = ['withdraw', 'writeDown'];

type Opened = { what: 'movement'; movement: Movement } | { what: 'reversal'; entry: CapitalEntry };

/**
 * A member's capital (出資): shares, capital, paid and unpaid, refunds owed; what may be recorded next, each in a
 * dialog; the certificate; and every entry with the position after it.
 */
export function MemberCapital({ membership }: { membership: Membership }) {
  const capital = useResource<MemberCapitalData>(capitalPaths.member(membership.id));
  return <Loaded resource={capital}>{(data) => <CapitalView membership={membership} capital={data} reload={capital.reload} />}</Loaded>;
}

function CapitalView({ membership, capital, reload }: { membership: Membership; capital: MemberCapitalData; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { position, rules, entries } = capital;
  // What is being recorded stays set while the dialog closes, so its title does not vanish first.
  const [opened, setOpened] = useState<Opened | null>(null);
  const [open, setOpen] = useState(false);
  const [openings, setOpenings] = useState(0);
  const movements = offeredMovements(position, membership.status, rules !== null);
  const show = (next: Opened) => {
    setOpened(next);
    setOpenings((n) => n + 1);
    setOpen(true);
  };
  const close = () => setOpen(false);
  const recorded = (message: string) => {
    notifySuccess(message);
    close();
    reload();
  };
  const form = { membershipId: membership.id, onRecorded: recorded, onCancel: close };
  const title = opened === null ? '' : opened.what === 'reversal' ? t('capital.movement.reverse') : t(`capital.movement.${opened.movement}`);

  return (
    <Stack gap="md">
      {rules ? (
        <Text size="sm" c="dimmed">
          {t('capital.member.rulesLine', { count: rules.minimumShares, price: formatYen(rules.sharePrice, locale), minimum: formatNumber(rules.minimumShares, locale) })}
        </Text>
      ) : (
        <Alert color="yellow" variant="light">
          {t('capital.member.noRules')}{' '}
          <Anchor component={Link} to={withQuery('/capital', { organization: membership.organizationId })}>
            {t('capital.member.toCapitalPage')}
          </Anchor>
        </Alert>
      )}
      <CapitalFigures position={position} />
      {movements.length > 0 && (
        <Group gap="xs">
          {movements.map((movement) => (
            <Button
              key={movement}
              variant={LEAVING.includes(movement) ? 'outline' : 'default'}
              color={LEAVING.includes(movement) ? 'red.9' : undefined}
              onClick={() => show({ what: 'movement', movement })}
            >
              {t(`capital.movement.${movement}`)}
            </Button>
          ))}
        </Group>
      )}
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('capital.certificate.title')}
        </Title>
        <CertificateDownload membershipId={membership.id} />
      </div>
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('capital.entry.title')}
        </Title>
        <CapitalEntries membershipId={membership.id} entries={entries} onReverse={(entry) => show({ what: 'reversal', entry })} />
      </div>
      <Dialog opened={open} onClose={close} title={title}>
        {opened?.what === 'reversal' && <ReversalForm key={openings} entry={opened.entry} onRecorded={recorded} onCancel={close} />}
        {opened?.what === 'movement' && rules && (
          <MovementForm key={openings} movement={opened.movement} form={form} rules={rules} capital={capital} organizationId={membership.organizationId} />
        )}
      </Dialog>
    </Stack>
  );
}

interface MovementFormSwitchProps {
  movement: Movement;
  form: { membershipId: string; onRecorded: (message: string) => void; onCancel: () => void };
  rules: NonNullable<MemberCapitalData['rules']>;
  capital: MemberCapitalData;
  organizationId: string;
}

function MovementForm({ movement, form, rules, capital, organizationId }: MovementFormSwitchProps) {
  const { position } = capital;
  switch (movement) {
    case 'subscribe':
      return <SubscriptionForm {...form} rules={rules} />;
    case 'pay':
      return <PaymentForm {...form} position={position} />;
    case 'transfer':
      return <TransferForm {...form} position={position} organizationId={organizationId} />;
    case 'withdraw':
      return <WithdrawalForm {...form} position={position} />;
    case 'refund':
      return <RefundForm {...form} position={position} />;
    case 'writeDown':
      return <WriteDownForm {...form} position={position} />;
  }
}

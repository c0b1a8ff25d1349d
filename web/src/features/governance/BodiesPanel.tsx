import { Accordion, Alert, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { FormAlert } from '../../components/FormAlert';
import { formatDate, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { useResource } from '../../use-resource';
import { BODY_KINDS, governanceApi, governancePaths, oneOf, type Bodies, type Body, type BodyKind, type Seat } from './governance';
import { ROLES_OF, SeatForm } from './SeatForm';

interface BodiesPanelProps {
  organizationId: string;
  /** The administrator establishes bodies; clerks record seats. */
  canEstablish: boolean;
}

/** The organization's bodies (機関): the general assembly, a delegate assembly where allowed, the board; and who sits on them. */
export function BodiesPanel({ organizationId, canEstablish }: BodiesPanelProps) {
  const bodies = useResource<Bodies>(governancePaths.bodies(organizationId));
  return (
    <Loaded resource={bodies}>
      {(data) => <BodiesView data={data} organizationId={organizationId} canEstablish={canEstablish} onChanged={bodies.reload} />}
    </Loaded>
  );
}

function BodiesView({ data, organizationId, canEstablish, onChanged }: { data: Bodies; onChanged: () => void } & BodiesPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const missing = BODY_KINDS.filter((kind) => !data.items.some((body) => body.kind === kind));
  return (
    <Stack gap="md">
      <Alert color={data.delegateAssemblyAllowed ? 'blue' : 'gray'} variant="light">
        {t(data.delegateAssemblyAllowed ? 'governance.bodies.delegatesAllowed' : 'governance.bodies.delegatesNotAllowed', {
          members: formatNumber(data.members, locale),
          needed: formatNumber(data.delegatesNeeded, locale),
        })}
      </Alert>
      {data.items.length === 0 ? (
        <Text>{t('governance.bodies.none')}</Text>
      ) : (
        <Accordion multiple variant="separated" chevronPosition="left">
          {data.items.map((body) => (
            <Accordion.Item key={body.id} value={body.id}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={700}>{bodyName(body, locale)}</Text>
                  <Text size="sm" c="dimmed">
                    {body.kind === 'general_assembly'
                      ? t('governance.bodies.everyMember', { members: formatNumber(data.members, locale) })
                      : t('governance.bodies.seatsFilled', { count: body.seatsFilled })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {body.kind === 'general_assembly' ? (
                  <Text size="sm">{t('governance.bodies.generalAssemblyNote')}</Text>
                ) : (
                  <SeatsList body={body} organizationId={organizationId} onChanged={onChanged} />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {canEstablish && missing.length > 0 && <EstablishBody key={missing.join()} organizationId={organizationId} kinds={missing} onEstablished={onChanged} />}
    </Stack>
  );
}

export const bodyName = (body: Pick<Body, 'nameJa' | 'nameEn'>, locale: string) => (locale === 'en' && body.nameEn ? body.nameEn : body.nameJa);

function SeatsList({ body, organizationId, onChanged }: { body: Body; organizationId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const seats = useResource<Items<Seat>>(governancePaths.seats(body.id));
  const [opened, { open, close }] = useDisclosure(false);
  const headingId = `seats-${body.id}`;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5" id={headingId}>
        {t('governance.seats.title')}
      </Title>
      <Loaded resource={seats}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">{t('governance.seats.none')}</Text>
          ) : (
            <List spacing={4} size="sm" aria-labelledby={headingId}>
              {items.map((seat) => (
                <List.Item key={seat.id}>
                  {t('governance.seats.line', {
                    name: seat.name,
                    role: t(`governance.seatRole.${seat.role}`),
                    from: formatDate(seat.termFrom, locale),
                    until: seat.termUntil ? formatDate(seat.termUntil, locale) : t('governance.seats.noEnd'),
                  })}
                  {seat.constituency ? ` · ${seat.constituency}` : ''}
                  {seat.electedByMotionId ? ` · ${t('governance.seats.elected')}` : ''}
                </List.Item>
              ))}
            </List>
          )
        }
      </Loaded>
      {ROLES_OF[body.kind].length > 0 && (
        <Group>
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('governance.seats.add')}
          </Button>
        </Group>
      )}
      <Dialog opened={opened} onClose={close} title={t('governance.seats.addTo', { body: bodyName(body, locale) })}>
        <SeatForm
          body={body}
          organizationId={organizationId}
          onCancel={close}
          onSeated={(seat) => {
            notifySuccess(t('governance.seats.added', { name: seat.name, role: t(`governance.seatRole.${seat.role}`) }));
            close();
            seats.reload();
            onChanged();
          }}
        />
      </Dialog>
    </Stack>
  );
}

function EstablishBody({ organizationId, kinds, onEstablished }: { organizationId: string; kinds: BodyKind[]; onEstablished: () => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit<{ kind: BodyKind }>({
    initialValues: { kind: kinds[0]! },
    send: async ({ kind }) => {
      const body = await governanceApi.establishBody(organizationId, kind);
      notifySuccess(t('governance.bodies.established', { body: t(`governance.bodyKind.${body.kind}`) }));
      onEstablished();
    },
    report: 'alert',
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <FormAlert failure={form.failure} />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('governance.bodies.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`governance.bodyKind.${k}`) }))}
            value={form.values.kind}
            onChange={(event) => {
              const chosen = oneOf(BODY_KINDS, event.currentTarget.value);
              if (chosen) form.set('kind', chosen);
            }}
            error={form.error('kind')}
          />
          <Button type="submit" variant="default" loading={form.submitting}>
            {t('governance.bodies.establish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Box, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/CardList';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { useRowAction } from '../../use-row-action';
import { fiscalYearLabel, formatRate } from './report-format';
import { FxRateForm } from './FxRateForm';
import { reportingApi, reportingPaths, type FxRate, type FxRates } from './reporting';

const HEADING_ID = 'fx-rates-heading';

/** The exchange rates the federation records, a year each, for the reports' USD view (the federation administrator's). */
export function FxRatesPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const rates = useResource<FxRates>(reportingPaths.fxRates);
  // The dialog edits one rate, or a new one (null); undefined while closed.
  const [editing, setEditing] = useState<FxRate | null | undefined>(undefined);
  const [openings, setOpenings] = useState(0);
  const [deleting, setDeleting] = useState<FxRate | null>(null);
  const action = useRowAction();
  const locale = useLocale();
  const open = (rate: FxRate | null) => {
    setOpenings((n) => n + 1);
    setEditing(rate);
  };
  const close = () => setEditing(undefined);
  const changed = () => {
    rates.reload();
    onChanged();
  };

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
        <Title order={2} size="h4" id={HEADING_ID}>
          {t('reports.fx.title')}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => open(null)} disabled={!rates.data}>
          {t('reports.fx.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.fx.intro')}
      </Text>
      <Loaded resource={rates}>
        {({ items }) => {
          const sorted = [...items].sort((a, b) => b.fiscalYear - a.fiscalYear);
          const actions = (rate: FxRate) => {
            const year = fiscalYearLabel(rate.fiscalYear, locale);
            return (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} aria-label={t('reports.fx.editFor', { year })} onClick={() => open(rate)}>
                  {t('reports.fx.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={t('reports.fx.deleteFor', { year })}
                  loading={action.busyId === String(rate.fiscalYear)}
                  onClick={() => setDeleting(rate)}
                >
                  {t('reports.fx.delete')}
                </Button>
              </Group>
            );
          };
          return (
            <>
              <Box hiddenFrom="sm">
                <CardList items={sorted} itemKey={(rate) => String(rate.fiscalYear)} emptyText={t('reports.fx.none')} labelledBy={HEADING_ID} busy={false}>
                  {(rate) => (
                    <>
                      <Text fw={700}>{fiscalYearLabel(rate.fiscalYear, locale)}</Text>
                      <Text style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(rate.yenPerUsd, locale)}</Text>
                      <Text size="sm" c="dimmed" mb="xs">
                        {rate.source ?? t('reports.fx.noSource')}
                      </Text>
                      {actions(rate)}
                    </>
                  )}
                </CardList>
              </Box>
              <Box visibleFrom="sm">
                {sorted.length === 0 ? (
                  <Text>{t('reports.fx.none')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={560}>
                    <Table striped verticalSpacing="xs">
                      <Table.Caption>{t('reports.fx.caption')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('reports.fx.fiscalYear')}</Table.Th>
                          <Table.Th scope="col" style={{ textAlign: 'right' }}>
                            {t('reports.fx.rate')}
                          </Table.Th>
                          <Table.Th scope="col">{t('reports.fx.source')}</Table.Th>
                          <Table.Th scope="col">
                            <VisuallyHidden>{t('reports.fx.actions')}</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {sorted.map((rate) => (
                          <Table.Tr key={rate.fiscalYear}>
                            <Table.Th scope="row" fw={400}>
                              {fiscalYearLabel(rate.fiscalYear, locale)}
                            </Table.Th>
                            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatRate(rate.yenPerUsd, locale)}</Table.Td>
                            <Table.Td>{rate.source ?? t('reports.fx.noSource')}</Table.Td>
                            <Table.Td>{actions(rate)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Box>
            </>
          );
        }}
      </Loaded>
      <Dialog opened={editing !== undefined} onClose={close} title={editing ? t('reports.fx.editTitle', { year: fiscalYearLabel(editing.fiscalYear, locale) }) : t('reports.fx.add')}>
        {editing !== undefined && (
          <FxRateForm
            key={openings}
            rate={editing}
            existing={rates.data?.items ?? []}
            onCancel={close}
            onSaved={(saved) => {
              close();
              notifySuccess(t('reports.fx.saved', { year: fiscalYearLabel(saved.fiscalYear, locale) }));
              changed();
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('reports.fx.deleteTitle')}
        message={deleting ? t('reports.fx.deleteMessage', { year: fiscalYearLabel(deleting.fiscalYear, locale), rate: formatRate(deleting.yenPerUsd, locale) }) : ''}
        confirmLabel={t('reports.fx.delete')}
        busy={deleting !== null && action.busyId === String(deleting.fiscalYear)}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const rate = deleting;
          void action.run(String(rate.fiscalYear), async () => {
            await reportingApi.deleteFxRate(rate.fiscalYear);
            setDeleting(null);
            notifySuccess(t('reports.fx.deleted', { year: fiscalYearLabel(rate.fiscalYear, locale) }));
            changed();
          });
        }}
      />
    </Paper>
  );
}

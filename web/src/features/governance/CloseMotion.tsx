import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { governanceApi, type Motion, type MotionResult } from './governance';

interface CloseMotionProps {
  motion: Motion;
  opened: boolean;
  onClose: () => void;
  onClosed: (result: MotionResult & { chairDecision: 'adopted' | 'rejected' | null }) => void;
}

/**
 * Closes the vote on a motion and declares its result (採決). On a tie in an ordinary resolution the server asks the
 * chair: the dialog then asks whether the chair declares it adopted or rejected (議長裁決).
 */
export function CloseMotion({ motion, opened, onClose, onClosed }: CloseMotionProps) {
  const { t } = useTranslation();
  const [tied, setTied] = useState(false);
  const [decision, setDecision] = useState<'adopted' | 'rejected' | ''>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [decisionError, setDecisionError] = useState(false);

  const close = async () => {
    if (tied && !decision) {
      setDecisionError(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onClosed(await governanceApi.closeMotion(motion.id, tied && decision ? decision : null));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'chair_must_decide') setTied(true);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t(tied ? 'governance.close.chairTitle' : 'governance.close.title')}>
      <Stack>
        <FormAlert failure={failure} />
        {tied ? (
          <>
            <Text role="alert">{t('governance.close.tie')}</Text>
            <Radio.Group
              label={t('governance.close.chairDecision')}
              value={decision}
              onChange={(value) => {
                setDecision(value === 'adopted' || value === 'rejected' ? value : '');
                setDecisionError(false);
              }}
              error={decisionError ? t('validation.required') : undefined}
              required
            >
              <Group mt="xs">
                <Radio value="adopted" label={t('governance.outcome.adopted')} />
                <Radio value="rejected" label={t('governance.outcome.rejected')} />
              </Group>
            </Radio.Group>
          </>
        ) : (
          <Text>{t('governance.close.confirm', { title: motion.title })}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void close()}>
            {t(tied ? 'governance.close.declare' : 'governance.close.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

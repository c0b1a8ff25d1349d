import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Submit and cancel, the same in every form: on a page the submit button comes first, in a dialog they sit at
 * the right with cancel first (as dialogs usually order them).
 */
export function FormActions({
  submitLabel,
  submitting,
  onCancel,
  inDialog = false,
  submitColor,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  inDialog?: boolean;
  submitColor?: string;
}) {
  const { t } = useTranslation();
  const submit = (
    <Button type="submit" color={submitColor} loading={submitting}>
      {submitLabel}
    </Button>
  );
  const cancel = (
    <Button variant="default" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  );
  return inDialog ? <Group justify="flex-end">{cancel}{submit}</Group> : <Group>{submit}{cancel}</Group>;
}

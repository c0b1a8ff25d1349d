import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useErrorText } from '../errors';

interface FormAlertProps {
  /** Why sending the form failed; null when it did not. */
  failure: unknown;
  /** Said when nothing failed on the server but fields need attention, e.g. "Please check the 2 fields marked below." */
  summary?: string;
}

/** A form's problem as a whole, announced at once (role=alert); nothing when there is none. */
export function FormAlert({ failure, summary }: FormAlertProps) {
  const errorText = useErrorText();
  const message = failure !== null ? errorText(failure) : summary;
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

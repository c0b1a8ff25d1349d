import { notifications } from '@mantine/notifications';
import i18n from 'i18next';

// Success is announced politely (role=status); failures interrupt (role=alert).

function closeButtonProps() {
  return { 'aria-label': i18n.t('common.close') };
}

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', role: 'status', closeButtonProps: closeButtonProps() });
}

export function notifyError(message: string): void {
  notifications.show({ message, color: 'red', role: 'alert', autoClose: 8000, closeButtonProps: closeButtonProps() });
}

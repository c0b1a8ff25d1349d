import { notifications } from '@mantine/notifications';

// Success is announced politely (role=status); failures interrupt (role=alert).

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', role: 'status' });
}

export function notifyError(message: string): void {
  notifications.show({ message, color: 'red', role: 'alert', autoClose: 8000 });
}

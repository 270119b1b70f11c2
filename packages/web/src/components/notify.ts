import { notifications } from '@mantine/notifications';

/** A short confirmation that something was done: one sentence, or a title with details. */
export function notifySuccess(title: string, detail?: string): void {
  notifications.show({ color: 'teal', title: detail ? title : undefined, message: detail ?? title, autoClose: 4000, withBorder: true });
}

import { Text, Tooltip, type TextProps } from '@mantine/core';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export function formatDateTime(value: string | Date): string {
  return dayjs(value).format('D MMM YYYY, HH:mm');
}

export function formatDate(value: string | Date): string {
  return dayjs(value).format('D MMM YYYY');
}

interface DateTimeProps extends TextProps {
  value: string | null | undefined;
  /** "3 hours ago" with the exact time on hover, instead of the exact time. */
  relative?: boolean;
  /** Shown when there is no value. */
  empty?: string;
  dateOnly?: boolean;
}

/** A point in time as people read it, in a <time> element that carries the exact value. */
export function DateTime({ value, relative = false, empty = '—', dateOnly = false, ...textProps }: DateTimeProps) {
  if (!value) {
    return (
      <Text span c="dimmed" size="sm" {...textProps}>
        {empty}
      </Text>
    );
  }
  const exact = dateOnly ? formatDate(value) : formatDateTime(value);
  const text = relative ? dayjs(value).fromNow() : exact;
  const element = (
    <Text span size="sm" {...textProps}>
      <time dateTime={value}>{text}</time>
    </Text>
  );
  return relative ? <Tooltip label={exact}>{element}</Tooltip> : element;
}

import { Badge } from '@mantine/core';
import type { JobState } from './api';

const STATE_COLORS: Record<JobState, string> = {
  created: 'blue',
  retry: 'yellow',
  active: 'cyan',
  completed: 'teal',
  cancelled: 'gray',
  failed: 'red',
};

export const STATE_LABELS: Record<JobState, string> = {
  created: 'Queued',
  retry: 'Waiting to retry',
  active: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function JobStateBadge({ state, count }: { state: JobState; count?: number }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" style={{ textTransform: 'none' }}>
      {STATE_LABELS[state]}
      {count !== undefined && ` · ${count}`}
    </Badge>
  );
}

/** The usual cron shapes in words ("Every hour at :17"); anything else is shown as written. */
export function describeSchedule(cron: string): string {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return cron;
  const [minute, hour, day, month, weekday] = parts as [string, string, string, string, string];
  const fixed = (value: string) => /^\d+$/.test(value);
  if (fixed(minute) && hour === '*' && day === '*' && month === '*' && weekday === '*') return `Every hour at :${minute.padStart(2, '0')}`;
  if (fixed(minute) && fixed(hour) && day === '*' && month === '*' && weekday === '*') return `Every day at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (minute.startsWith('*/') && hour === '*' && day === '*' && month === '*' && weekday === '*') return `Every ${minute.slice(2)} minutes`;
  return cron;
}

/** A failed job's error message, or a one-line summary of a completed job's result. */
export function outputSummary(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  if (typeof output === 'string') return output;
  if (typeof output === 'object') {
    const record = output as Record<string, unknown>;
    if (typeof record.message === 'string') return record.message;
    return Object.entries(record)
      .filter(([, value]) => typeof value !== 'object')
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(' · ');
  }
  return String(output);
}

export function durationOf(startedAt: string | null, completedAt: string | null): string | null {
  if (!startedAt || !completedAt) return null;
  const ms = Date.parse(completedAt) - Date.parse(startedAt);
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

import { epochMs } from '../api/fields';
import type { TrackedTask } from './trackedTask';

export type ExportFormat = 'json' | 'csv';

const COLUMNS = ['id', 'status', 'prompt', 'video_url', 'created_at', 'updated_at', 'completed_at', 'tracked_at'] as const;

type Row = Record<(typeof COLUMNS)[number], string | null>;

/** The tracked tasks as a JSON array or a CSV table: id, status, prompt, video URL and times (ISO 8601, UTC). */
export function exportTasks(tasks: readonly TrackedTask[], format: ExportFormat): string {
  const rows = tasks.map(toRow);
  if (format === 'json') {
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function toRow(task: TrackedTask): Row {
  const snapshot = task.snapshot;
  // A time no Date can hold is left out rather than failing the whole export.
  const iso = (ms: number | undefined): string | null => {
    const valid = epochMs(ms);
    return valid === undefined ? null : new Date(valid).toISOString();
  };
  return {
    id: task.id,
    status: snapshot?.rawStatus ?? null,
    prompt: snapshot?.prompt ?? snapshot?.enhancedPrompt ?? null,
    video_url: snapshot?.videoUrl ?? null,
    created_at: iso(snapshot?.createdAt),
    updated_at: iso(snapshot?.updatedAt),
    completed_at: iso(snapshot?.completedAt),
    tracked_at: iso(task.addedAt),
  };
}

/**
 * One CSV cell (RFC 4180 quoting). Text from the API that starts like a
 * spreadsheet formula gets a leading apostrophe, so opening the file in a
 * spreadsheet cannot run it. A cell holding `;` or a tab is quoted too:
 * spreadsheets in many locales split on those, and `a;=cmd` unquoted would
 * become a cell that starts with `=`.
 */
function csvCell(value: string | null): string {
  if (value === null) {
    return '';
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

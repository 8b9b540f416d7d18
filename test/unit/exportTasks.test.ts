import * as assert from 'node:assert/strict';
import { exportTasks } from '../../src/tasks/exportTasks';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { snapshot } from './helpers/fakes';

const tasks: TrackedTask[] = [
  {
    id: 'grok:abc',
    addedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    snapshot: {
      ...snapshot('succeeded', { rawStatus: 'completed', videoUrl: 'https://cdn.example/v.mp4', prompt: 'a "quoted", multi\nline prompt' }),
      completedAt: Date.UTC(2026, 0, 2, 3, 10, 0),
    },
  },
  { id: 'pending-1', addedAt: Date.UTC(2026, 0, 3) },
  { id: 'evil', addedAt: 0, snapshot: snapshot('running', { rawStatus: 'processing', prompt: '=HYPERLINK("https://evil.example")' }) },
];

describe('exportTasks', () => {
  it('writes JSON with the id, status, prompt, video URL and times', () => {
    const rows = JSON.parse(exportTasks(tasks, 'json')) as Record<string, unknown>[];
    assert.deepEqual(rows[0], {
      id: 'grok:abc',
      status: 'completed',
      prompt: 'a "quoted", multi\nline prompt',
      video_url: 'https://cdn.example/v.mp4',
      created_at: null,
      updated_at: null,
      completed_at: '2026-01-02T03:10:00.000Z',
      tracked_at: '2026-01-02T03:04:05.000Z',
    });
    assert.equal(rows[1].status, null);
  });

  it('writes CSV with a header, quoting and no formula injection', () => {
    const lines = exportTasks(tasks, 'csv').split('\r\n');
    assert.equal(lines[0], 'id,status,prompt,video_url,created_at,updated_at,completed_at,tracked_at');
    // Records end in CRLF; a line break inside a quoted cell stays as it was.
    assert.equal(lines[1], 'grok:abc,completed,"a ""quoted"", multi\nline prompt",https://cdn.example/v.mp4,,,2026-01-02T03:10:00.000Z,2026-01-02T03:04:05.000Z');
    assert.equal(lines[2], 'pending-1,,,,,,,2026-01-03T00:00:00.000Z');
    assert.match(lines[3], /^evil,processing,"'=HYPERLINK\(""https:\/\/evil\.example""\)",/);
  });

  it('quotes cells with ; or a tab, which spreadsheets in many locales split on', () => {
    const hostile: TrackedTask = { id: 'semi', addedAt: 1, snapshot: snapshot('running', { rawStatus: 'processing', prompt: 'a cow;=HYPERLINK("https://evil.example")' }) };
    const line = exportTasks([hostile], 'csv').split('\r\n')[1];
    assert.match(line, /^semi,processing,"a cow;=HYPERLINK\(""https:\/\/evil\.example""\)",/);
    assert.equal(exportTasks([{ ...hostile, snapshot: snapshot('running', { rawStatus: 'a\tb' }) }], 'csv').split('\r\n')[1].split(',')[1], '"a\tb"');
  });

  it('leaves out a time no date can hold instead of failing the export', () => {
    const broken: TrackedTask = { id: 'far', addedAt: 1e20, snapshot: { ...snapshot('succeeded'), completedAt: 1e20, updatedAt: Number.NaN } };
    const [row] = JSON.parse(exportTasks([broken], 'json')) as Record<string, unknown>[];
    assert.equal(row.completed_at, null);
    assert.equal(row.tracked_at, null);
    assert.equal(exportTasks([broken], 'csv').split('\r\n')[1], 'far,succeeded,,,,,,');
  });
});

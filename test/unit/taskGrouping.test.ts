import * as assert from 'node:assert/strict';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { groupTasks } from '../../src/views/taskGrouping';
import { snapshot } from './helpers/fakes';

const task = (id: string, addedAt: number, status?: 'running' | 'succeeded' | 'failed', model?: string): TrackedTask => ({
  id,
  addedAt,
  ...(status ? { snapshot: snapshot(status, { videoUrl: 'https://x/v.mp4', ...(model ? { model } : {}) }) } : {}),
});

const tasks = [
  task('a', 1, 'succeeded', 'veo3'),
  task('b', 2, 'running', 'grok-video-3'),
  task('c', 3, 'failed'),
  task('d', 4, 'running', 'veo3'),
  task('e', 5),
];

describe('groupTasks', () => {
  it('groups by status, moving groups first and newest first inside', () => {
    assert.deepEqual(
      groupTasks(tasks, 'status').map(({ group, tasks: members }) => [group.label, members.map((member) => member.id)]),
      [
        ['Running', ['d', 'b']],
        ['Not checked yet', ['e']],
        ['Ready', ['a']],
        ['Failed', ['c']],
      ],
    );
  });

  it('groups by model, by name, with tasks of no known model last', () => {
    assert.deepEqual(
      groupTasks(tasks, 'model').map(({ group, tasks: members }) => [group.label, members.map((member) => member.id)]),
      [
        ['grok-video-3', ['b']],
        ['veo3', ['d', 'a']],
        ['Unknown model', ['e', 'c']],
      ],
    );
  });
});

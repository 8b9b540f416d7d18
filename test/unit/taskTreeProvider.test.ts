import * as assert from 'node:assert/strict';
import { installVscodeStandIn } from '../bench/vscodeStandIn';
import { TaskStore } from '../../src/tasks/taskStore';
import { parseTaskFilter, type TaskFilter } from '../../src/views/taskFilter';
import type { Grouping } from '../../src/views/taskGrouping';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

installVscodeStandIn();
// The provider builds `vscode.TreeItem`s, so it is loaded once the stand-in answers for `vscode`.
const { TaskTreeProvider } = require('../../src/views/taskTreeProvider') as typeof import('../../src/views/taskTreeProvider');

describe('TaskTreeProvider: refresh a row or rebuild the list', () => {
  let store: TaskStore;
  let provider: InstanceType<typeof TaskTreeProvider>;
  /** What each change event asked VS Code to do: the ids to refresh in place, or `'rebuild'`. */
  let events: (string[] | 'rebuild')[];

  /** A provider over tasks a (running at 10 %), b (running, veo3) and c (succeeded), shown once as VS Code would. */
  function open(grouping: Grouping): void {
    store = new TaskStore(new MemoryStorage(), new MemoryLogger());
    store.add(['a', 'b', 'c']);
    store.recordSnapshot('a', snapshot('running', { progress: 10, model: 'grok-video-3' }));
    store.recordSnapshot('b', snapshot('running', { progress: 50, model: 'veo3' }));
    store.recordSnapshot('c', snapshot('succeeded', { model: 'grok-video-3', videoUrl: 'https://cdn.example.com/c.mp4' }));
    provider = new TaskTreeProvider(store);
    provider.setGrouping(grouping);
    for (const node of provider.getChildren()) {
      provider.getChildren(node);
    }
    events = [];
    provider.onDidChangeTreeData((changed) => events.push(changed === undefined ? 'rebuild' : changed.map(String)));
  }

  afterEach(() => provider.dispose());

  it('gives a row its command only when VS Code resolves it on open, so no refresh can leave a click a stale one', () => {
    open('none');
    const item = provider.getTreeItem('c');
    assert.equal(item.command, undefined, 'a refreshed row carries no command VS Code could drop');
    const resolved = provider.resolveTreeItem(item, 'c');
    assert.deepEqual(resolved.command, { command: 'anyapiVideo.openPreview', title: 'Open Preview', arguments: ['c'] });
    assert.ok(resolved.tooltip, 'the tooltip is resolved with it');
  });

  it('refreshes only the row whose answer changed while it keeps its place', () => {
    open('none');
    store.recordSnapshot('a', snapshot('running', { progress: 40, model: 'grok-video-3' }));
    assert.deepEqual(events, [['a']]);
  });

  it('rebuilds when a task moves from unfinished to finished, which reorders the list', () => {
    open('none');
    store.recordSnapshot('a', snapshot('succeeded', { model: 'grok-video-3', videoUrl: 'https://cdn.example.com/a.mp4' }));
    assert.deepEqual(events, ['rebuild']);
  });

  it('rebuilds when tasks are added or removed', () => {
    open('none');
    store.add(['d']);
    store.remove(['b']);
    assert.deepEqual(events, ['rebuild', 'rebuild']);
  });

  it('grouped by status, rebuilds when a task changes group; grouped by model, refreshes it in place', () => {
    open('status');
    store.recordSnapshot('b', snapshot('failed', { model: 'veo3', error: 'policy' }));
    assert.deepEqual(events, ['rebuild'], 'running → failed moves the row to another group');

    open('model');
    store.recordSnapshot('a', snapshot('running', { progress: 90, model: 'grok-video-3' }));
    assert.deepEqual(events, [['a']], 'same model group, same place');
  });

  it('refreshes every row in place when ages move on, and rebuilds when the grouping changes', () => {
    open('none');
    provider.refreshRows();
    provider.setGrouping('none');
    provider.setGrouping('model');
    assert.deepEqual(events, [['a', 'b', 'c'], 'rebuild']);
  });

  describe('filtered', () => {
    function filter(text: string): TaskFilter {
      const parsed = parseTaskFilter(text);
      assert.ok('filter' in parsed && parsed.filter !== undefined, text);
      return parsed.filter;
    }

    it('shows only the tasks that match, and all of them again without a filter', () => {
      open('none');
      provider.setFilter(filter('model:grok'));
      assert.deepEqual(provider.getChildren(), ['a', 'c']);
      assert.equal(provider.shownCount, 2);
      provider.setFilter(undefined);
      assert.deepEqual(provider.getChildren(), ['a', 'b', 'c']);
      assert.deepEqual(events, ['rebuild', 'rebuild']);
    });

    it('rebuilds when a task comes into or leaves the filter, and refreshes nothing for a hidden one', () => {
      open('none');
      provider.setFilter(filter('status:running'));
      provider.getChildren();
      events = [];
      store.recordSnapshot('a', snapshot('running', { progress: 60, model: 'grok-video-3' }));
      assert.deepEqual(events, [['a']], 'still running: refreshed in place');
      store.recordSnapshot('c', snapshot('succeeded', { model: 'sora-2', videoUrl: 'https://cdn.example.com/c.mp4' }));
      assert.deepEqual(events, [['a']], 'c is hidden: no row to refresh');
      store.recordSnapshot('b', snapshot('failed', { model: 'veo3', error: 'policy' }));
      assert.deepEqual(events, [['a'], 'rebuild'], 'b left the filter');
      provider.getChildren();
      provider.refreshRows();
      assert.deepEqual(events.at(-1), ['a'], 'ages move on only for rows shown');
    });
  });
});

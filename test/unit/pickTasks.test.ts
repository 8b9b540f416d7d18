import * as assert from 'node:assert/strict';
import { installVscodeStandIn } from '../bench/vscodeStandIn';
import { TaskStore } from '../../src/tasks/taskStore';
import { MemoryLogger, MemoryStorage } from './helpers/fakes';

installVscodeStandIn();
// Loaded once the stand-in answers for `vscode` (the quick pick lives there; these tests never open it).
const { resolveTaskIds, taskIdsFromArguments } = require('../../src/commands/pickTasks') as typeof import('../../src/commands/pickTasks');

describe('Which tasks a command acts on', () => {
  const store = new TaskStore(new MemoryStorage(), new MemoryLogger());
  store.add(['a', 'b', 'c']);
  const options = { placeHolder: 'Which task?' };

  it('takes the clicked row, and the selection only when it includes the clicked row', () => {
    assert.deepEqual(taskIdsFromArguments(['b'], store), ['b']);
    assert.deepEqual(taskIdsFromArguments(['b', ['a', 'b']], store), ['a', 'b']);
    assert.deepEqual(taskIdsFromArguments(['c', ['a', 'b']], store), ['c'], 'a right-click outside the selection acts on that row alone');
  });

  it('takes a list of ids from another command, and keeps only tracked ids', () => {
    assert.deepEqual(taskIdsFromArguments([['c', 'gone', 'a']], store), ['c', 'a']);
    assert.deepEqual(taskIdsFromArguments(['gone'], store), []);
    assert.deepEqual(taskIdsFromArguments([['a', 42, { id: 'b' }, null]], store), ['a'], 'anything but a string is not an id');
  });

  it('reads no argument it does not understand as ids: from the palette there are none', () => {
    for (const args of [[], [undefined], [{ id: 'a' }], [7], [null, ['a']]]) {
      assert.equal(taskIdsFromArguments(args, store), undefined, JSON.stringify(args));
    }
  });

  it('acts on one task unless the command takes many', async () => {
    assert.deepEqual(await resolveTaskIds(['a', ['a', 'b']], store, options), ['a']);
    assert.deepEqual(await resolveTaskIds(['a', ['a', 'b']], store, { ...options, canPickMany: true }), ['a', 'b']);
    assert.deepEqual(await resolveTaskIds([['gone']], store, options), [], 'ids given but none tracked: nothing, and no quick pick');
  });
});

import * as assert from 'node:assert/strict';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { matchesFilter, parseTaskFilter, type TaskFilter } from '../../src/views/taskFilter';
import { snapshot } from './helpers/fakes';

function filter(text: string): TaskFilter {
  const parsed = parseTaskFilter(text);
  assert.ok('filter' in parsed && parsed.filter !== undefined, `${text} is a filter`);
  return parsed.filter;
}

const kite: TrackedTask = { id: 'veo:1', label: 'Kite test', addedAt: 1, snapshot: snapshot('failed', { model: 'veo3.1-fast', prompt: 'A red kite over the sea' }) };
const boat: TrackedTask = { id: 'grok:2', addedAt: 2, snapshot: snapshot('succeeded', { model: 'grok-video-3', prompt: 'A paper boat', videoUrl: 'https://cdn.example/b.mp4' }) };
const fresh: TrackedTask = { id: 'sora-kite', addedAt: 3 };

describe('taskFilter', () => {
  it('reads words, model: and status:, in any case', () => {
    assert.deepEqual(filter('  Red KITE model:VEO status:failed '), { text: 'Red KITE model:VEO status:failed', words: ['red', 'kite'], models: ['veo'], states: ['failed'] });
    assert.deepEqual(parseTaskFilter('   '), { filter: undefined }, 'nothing typed: no filter');
  });

  it('knows a status by its name or by the word the view shows for it', () => {
    assert.deepEqual(filter('status:ready').states, ['succeeded']);
    assert.deepEqual(filter('status:succeeded status:notfound').states, ['succeeded', 'notFound']);
    assert.match(JSON.stringify(parseTaskFilter('status:constructor')), /is not a status/, 'no word is looked up among inherited keys');
  });

  it('says what is wrong with a status it does not know, or a key without a value', () => {
    assert.match(JSON.stringify(parseTaskFilter('status:done-ish')), /“done-ish” is not a status/);
    assert.match(JSON.stringify(parseTaskFilter('model:')), /Say which model, e.g. model:veo3/);
  });

  it('matches every word in the name, id, prompt or model; any of the models; any of the states', () => {
    assert.equal(matchesFilter(kite, filter('kite sea')), true, 'words from the name and the prompt');
    assert.equal(matchesFilter(fresh, filter('kite')), true, 'a task not checked yet, by its id');
    assert.equal(matchesFilter(kite, filter('kite boat')), false, 'every word must be found');
    assert.equal(matchesFilter(boat, filter('model:veo model:grok')), true);
    assert.equal(matchesFilter(fresh, filter('model:grok')), false, 'no model known yet');
    assert.equal(matchesFilter(kite, filter('status:ready status:failed model:veo')), true);
    assert.equal(matchesFilter(boat, filter('status:failed')), false);
    assert.equal(matchesFilter(fresh, filter('status:checking')), true);
  });
});

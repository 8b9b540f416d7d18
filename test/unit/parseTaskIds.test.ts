import * as assert from 'node:assert/strict';
import { parseTaskIds } from '../../src/tasks/parseTaskIds';

function ids(input: string): string[] {
  const parsed = parseTaskIds(input);
  assert.ok('ids' in parsed, `expected ids from ${JSON.stringify(input)}, got ${JSON.stringify(parsed)}`);
  return parsed.ids;
}

function error(input: string): string {
  const parsed = parseTaskIds(input);
  assert.ok('error' in parsed, `expected an error for ${JSON.stringify(input.slice(0, 50))}`);
  return parsed.error;
}

describe('parseTaskIds', () => {
  it('reads one id, bare or provider-prefixed', () => {
    assert.deepEqual(ids('033fa60e-f37c-4ff6-a44d-5585ffea938d'), ['033fa60e-f37c-4ff6-a44d-5585ffea938d']);
    assert.deepEqual(ids('  grok:eee6faa8-9dee-455c-aa82-02ac623adf3a  '), ['grok:eee6faa8-9dee-455c-aa82-02ac623adf3a']);
    assert.deepEqual(ids('veo3.1-components:1762241017-xTL0P9HvGF'), ['veo3.1-components:1762241017-xTL0P9HvGF']);
  });

  it('reads many ids separated by spaces, commas or new lines, without duplicates', () => {
    assert.deepEqual(ids('a1, b2\nc3 a1\r\n\tb2'), ['a1', 'b2', 'c3']);
    assert.deepEqual(parseTaskIds('a1 a1 b2 a1'), { ids: ['a1', 'b2'], duplicates: 2 });
  });

  it('takes the id from a pasted create or query response', () => {
    assert.deepEqual(ids('{"id":"grok:abc","status":"pending","status_update_time":1750323167003}'), ['grok:abc']);
    assert.deepEqual(ids('[{"id":"a"},{"id":"b"},{"id":"a"}]'), ['a', 'b']);
    assert.deepEqual(ids('{"code":"success","data":{"id":"jimeng:42"}}'), ['jimeng:42']);
  });

  it('explains what is wrong with empty, odd or oversized input', () => {
    assert.match(error(''), /Enter a task id/);
    assert.match(error('   \n '), /Enter a task id/);
    assert.match(error('{"status":"pending"}'), /no "id"/);
    assert.match(error('x'.repeat(10_000)), /at most 200 characters/);
    assert.match(error('abc\u0007def'), /control or invisible/);
    assert.match(error('abc\u202edef'), /control or invisible/);
    assert.match(error('<script>alert(1)</script>'), /does not look like a task id/);
    assert.match(error(Array.from({ length: 600 }, (_, i) => `id${i}`).join(' ')), /at most 500/);
  });
});

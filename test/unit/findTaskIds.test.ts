import * as assert from 'node:assert/strict';
import { findTaskIds } from '../../src/tasks/findTaskIds';

describe('findTaskIds', () => {
  it('finds bare UUIDs and provider-prefixed ids in code, logs and JSON', () => {
    const text = [
      'const first = "033fa60e-f37c-4ff6-a44d-5585ffea938d";',
      '{"id":"grok:eee6faa8-9dee-455c-aa82-02ac623adf3a","status":"pending"}',
      'veo task: veo3.1-components:1762241017-xTL0P9HvGF (queued)',
      'and jimeng:7421-bd0f-aa, again 033fa60e-f37c-4ff6-a44d-5585ffea938d',
    ].join('\n');
    assert.deepEqual(findTaskIds(text), [
      '033fa60e-f37c-4ff6-a44d-5585ffea938d',
      'grok:eee6faa8-9dee-455c-aa82-02ac623adf3a',
      'veo3.1-components:1762241017-xTL0P9HvGF',
      'jimeng:7421-bd0f-aa',
    ]);
  });

  it('ignores ordinary key:value text, URLs and partial UUIDs', () => {
    const text = 'status:pending https://example.com/a mode:custom 033fa60e-f37c-4ff6-a44d x-033fa60e-f37c-4ff6-a44d-5585ffea938d0';
    assert.deepEqual(findTaskIds(text), []);
  });

  it('finds nothing in empty text', () => {
    assert.deepEqual(findTaskIds(''), []);
  });
});

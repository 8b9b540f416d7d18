import * as assert from 'node:assert/strict';
import { ApiError, isApiError } from '../../src/api/errors';
import { LazyVideoApiClient } from '../../src/api/lazyVideoApiClient';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { richCompleted } from '../fakeGateway/scenarios';
import { MemoryLogger } from './helpers/fakes';

describe('LazyVideoApiClient', function () {
  this.timeout(10_000);
  let gateway: FakeGateway;

  beforeEach(async () => (gateway = await FakeGateway.start()));
  afterEach(() => gateway.close());

  it('queries and creates through the client it loads on the first request, and reports every answer', async () => {
    const answers: string[] = [];
    const client = new LazyVideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } }), new MemoryLogger(), (id) => answers.push(id));
    try {
      gateway.setTask('lazy-1', [richCompleted('lazy-1', gateway)]);
      assert.equal((await client.query('lazy-1', gateway.apiKey ?? '')).status, 'succeeded');
      assert.deepEqual(answers, ['lazy-1']);
      assert.equal(typeof (await client.create({ model: 'veo3', prompt: 'a cat' }, gateway.apiKey ?? '')), 'string');
    } finally {
      client.dispose();
    }
  });

  it('refuses requests once disposed', async () => {
    const client = new LazyVideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } }), new MemoryLogger());
    client.dispose();
    await assert.rejects(client.query('lazy-2', 'key'), /disposed/);
    assert.equal(gateway.queriesFor('lazy-2').length, 0);
  });
});

describe('isApiError', () => {
  it('knows an ApiError by name and kind, also one made by another bundle’s copy of the class', () => {
    class OtherCopy extends Error {
      readonly kind = 'auth';
      override readonly name = 'ApiError';
    }
    assert.ok(isApiError(new ApiError('network', 'down')));
    assert.ok(isApiError(new OtherCopy('wrong key')));
    assert.ok(!isApiError(new Error('plain')));
    assert.ok(!isApiError({ name: 'ApiError', kind: 'auth', message: 'not an Error' }));
  });
});

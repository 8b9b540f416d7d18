import * as assert from 'node:assert/strict';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { VideoApiClient } from '../../src/api/videoApiClient';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { loadGatewayFixtures, type ExpectedReading } from '../fixtures/gatewayFixtures';
import { MemoryLogger } from './helpers/fakes';

const KEY = 'test-key';

/** How each failed query shows up as a reading. */
const ERROR_STATES: Partial<Record<ApiErrorKind, ExpectedReading['state']>> = {
  notFound: 'notFound',
  auth: 'authError',
  rateLimited: 'rateLimited',
  unavailable: 'unavailable',
  noRoute: 'noRoute',
  // An answer with no task in it (`data: null`, a list): not understood, so the last known state is kept.
  badResponse: 'notUnderstood',
};

interface Reading {
  readonly state: string;
  readonly videoUrl: string | null;
  readonly progress: number | null;
  readonly reason: string | null;
  /** In seconds, as the fixtures write it. */
  readonly expiresAt: number | null;
}

/**
 * Every real gateway answer in test/fixtures/gateways (each names its public
 * source), served by the fake gateway over HTTP with its recorded status and
 * read by the real client: the reading must be what the source means.
 */
describe('Real gateway answers (test/fixtures/gateways)', function () {
  this.timeout(20_000);
  const fixtures = loadGatewayFixtures();
  let gateway: FakeGateway;
  let client: VideoApiClient;

  before(async () => {
    gateway = await FakeGateway.start();
    gateway.apiKey = KEY;
    client = new VideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } }), new MemoryLogger());
  });

  after(async () => {
    client.dispose();
    await gateway.close();
  });

  async function read(id: string): Promise<Reading> {
    try {
      const snapshot = await client.query(id, KEY);
      return {
        state: snapshot.status,
        videoUrl: snapshot.videoUrl ?? null,
        progress: snapshot.progress ?? null,
        reason: snapshot.error ?? null,
        expiresAt: snapshot.expiresAt === undefined ? null : snapshot.expiresAt / 1000,
      };
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      // A bad answer's message is the extension's own words about the answer, not a reason the task gave.
      const reason = error.kind === 'badResponse' ? null : error.message;
      return { state: ERROR_STATES[error.kind] ?? error.kind, videoUrl: null, progress: null, reason, expiresAt: null };
    }
  }

  it('holds at least 60 answers, each naming its public source', () => {
    assert.ok(fixtures.length >= 60, `${fixtures.length} fixtures`);
    for (const fixture of fixtures) {
      const { source } = fixture;
      assert.ok((source.repository && source.path) || source.url, `${fixture.name} names a repository and path, or a URL`);
      assert.ok(/copied|rebuilt from struct tags/.test(source.how), `${fixture.name} says how it was taken`);
    }
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.expected.state}`, async () => {
      const id = `fixture-${fixture.name}`;
      gateway.answerWith(id, { status: fixture.httpStatus ?? 200, body: fixture.body as string | object });
      const reading = await read(id);
      const expected = fixture.expected;
      const why = `${fixture.name} (${expected.why}): read ${JSON.stringify(reading)}`;
      assert.equal(reading.state, expected.state, why);
      assert.equal(reading.videoUrl, expected.videoUrl, why);
      assert.equal(reading.progress, expected.progress, why);
      assert.equal(reading.expiresAt, expected.expiresAt ?? null, `when the video stops being available: ${why}`);
      assert.equal(expected.contentRoute ?? false, reading.state === 'succeeded' && reading.videoUrl === null, `the content route is asked exactly when a task succeeded without a URL: ${why}`);
      if (expected.state === 'failed' || expected.state === 'cancelled') {
        assert.equal(reading.reason, expected.reason, why);
      } else if (['queued', 'running', 'succeeded', 'unknown', 'notUnderstood'].includes(expected.state)) {
        assert.equal(reading.reason, null, `a reason is shown only for failed or cancelled tasks: ${why}`);
      } else if (expected.reason !== null) {
        assert.ok(reading.reason?.includes(expected.reason.slice(0, 60)), `the gateway's own words are kept: ${why}`);
      }
    });
  }
});

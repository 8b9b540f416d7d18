import * as assert from 'node:assert/strict';
import { MAX_BACKOFF_MS } from '../../../src/tasks/backoff';
import type { Fault } from '../../fakeGateway/fakeGateway';
import { completingScript, richCompleted } from '../../fakeGateway/scenarios';
import { INTERVAL_MS, Rig, watchForStrayErrors } from './rig';

const RUNNING = (id: string): object => ({ id, status: 'processing', progress: 40, model: 'grok-video-3' });

/**
 * Every fault the gateway can throw at the extension, through the real client,
 * store and scheduler. Each test checks what the user sees, that polling goes
 * on with bounded backoff (or stops where it must), and that nothing is lost.
 */
describe('Faults: what the user sees and what is kept', function () {
  this.timeout(30_000);
  const stray = watchForStrayErrors();
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start();
  });

  afterEach(async () => {
    await rig.dispose();
    assert.deepEqual(stray.errors, [], 'no unhandled rejection or uncaught exception');
  });

  /** Tracks a running task, then makes every later query meet `fault` once, and checks the task survives it. */
  async function survives(fault: Fault, expected: RegExp): Promise<void> {
    await rig.track('t', [RUNNING('t')]);
    assert.equal(rig.view('t').state, 'running');
    rig.gateway.failQuery('t', fault, 1);
    await rig.advance(INTERVAL_MS);
    const view = rig.view('t');
    assert.equal(view.state, 'running', 'the last known state is kept');
    assert.equal(view.icon, 'sync~spin');
    assert.match(view.problem ?? '', expected);
    assert.match(view.description, /last check failed/);
    await rig.advance(2 * INTERVAL_MS);
    assert.equal(rig.view('t').problem, undefined, 'the next good answer clears the problem');
    assert.ok(rig.queries('t') >= 3, 'polling went on');
  }

  it('connection refused: keeps the state, retries with backoff, recovers after 10 minutes down', async () => {
    await rig.track('t', [RUNNING('t')]);
    await rig.gateway.goDown();
    await rig.advance(10 * 60_000, 5000);
    assert.equal(rig.view('t').state, 'running');
    assert.match(rig.view('t').problem ?? '', /Could not reach the gateway.*ECONNREFUSED/);
    const attempts = rig.log.lines.filter((line) => line.includes('ECONNREFUSED')).length;
    // 10 s doubling to 5 min: 20+40+80+160+300 s is 600 s, so 5 or 6 attempts in ten minutes, not 60.
    assert.ok(attempts >= 4 && attempts <= 7, `${attempts} attempts in 10 minutes`);
    rig.gateway.setTask('t', completingScript('t', rig.gateway, 0).slice(-1));
    await rig.gateway.comeBack();
    await rig.advance(MAX_BACKOFF_MS + INTERVAL_MS, 5000);
    assert.equal(rig.view('t').state, 'succeeded', 'back within one backoff ceiling');
    assert.equal(rig.view('t').problem, undefined);
  });

  it('connection reset mid-body', () => survives('reset', /Could not reach|not valid JSON|empty/));

  it('a gateway that accepts and never answers (timeout)', () => survives('hang', /did not answer within/));

  it('500', () => survives({ status: 500, body: { message: 'boom' } }, /HTTP 500.*boom/));

  it('502 with an HTML page', () =>
    survives(
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><title>502 Bad Gateway</title><script>x</script></html>' },
      /HTTP 502.*“502 Bad Gateway”/,
    ));

  it('a 1 MiB adversarial HTML error page leaves another task finishing on time', async () => {
    // `<html>` and repeated `<title`: the page that made a backtracking title pattern block the host for minutes.
    const page = `<html>${'<title'.repeat(Math.floor((1024 * 1024 - 64) / 6))}`;
    await rig.track('slow-page', [RUNNING('slow-page')]);
    rig.gateway.failQuery('slow-page', { status: 502, headers: { 'content-type': 'text/html' }, body: page });
    await rig.track('other', completingScript('other', rig.gateway, 1));
    await rig.advance(3 * INTERVAL_MS);
    assert.equal(rig.view('other').state, 'succeeded', 'the other task finished within three intervals');
    assert.match(rig.view('slow-page').problem ?? '', /HTTP 502.*HTML error page/);
    assert.equal(rig.view('slow-page').state, 'running', 'the last known state is kept');
  });

  for (const seconds of [7, 45]) {
    it(`503 with Retry-After: ${seconds} waits at least ${seconds} s, then recovers`, async () => {
      await rig.track('t', [RUNNING('t')]);
      rig.gateway.failQuery('t', { status: 503, headers: { 'retry-after': String(seconds) }, body: '' }, 1);
      await rig.advance(INTERVAL_MS);
      const afterFailure = rig.queries('t');
      assert.match(rig.view('t').problem ?? '', /HTTP 503/);
      await rig.advance(seconds * 1000 - 1000);
      assert.equal(rig.queries('t'), afterFailure, `nothing within ${seconds} s`);
      await rig.advance(Math.max(2000, 2 * INTERVAL_MS - seconds * 1000 + 1000));
      assert.equal(rig.queries('t'), afterFailure + 1);
      assert.equal(rig.view('t').problem, undefined);
    });
  }

  it('429 with Retry-After as an HTTP date holds every task until then', async () => {
    await rig.track('a', [RUNNING('a')]);
    await rig.track('b', [RUNNING('b')]);
    const until = new Date(Date.now() + 60_000).toUTCString();
    rig.gateway.failQuery('a', { status: 429, headers: { 'retry-after': until }, body: { error: { message: '请求数限制' } } }, 1);
    await rig.advance(INTERVAL_MS);
    const before = rig.gateway.requests.length;
    await rig.advance(40_000);
    assert.ok(rig.gateway.requests.length - before <= 1, 'nothing (but a query already under way) while the limit holds');
    assert.match(rig.view('a').problem ?? '', /rate limiting.*请求数限制/);
    await rig.advance(30_000);
    assert.ok(rig.gateway.requests.length - before >= 2, 'both tasks are checked again after the date');
    assert.equal(rig.view('a').problem, undefined);
  });

  it('401 pauses everything, and a key change resumes', async () => {
    await rig.track('t', [RUNNING('t')]);
    rig.gateway.apiKey = 'rotated';
    await rig.advance(INTERVAL_MS * 5);
    assert.equal(rig.poller.paused?.reason, 'auth');
    assert.equal(rig.queries('t'), 2, 'one rejected query, then nothing');
    assert.equal(rig.view('t').state, 'running', 'the task keeps its state');
    rig.apiKey = 'rotated';
    rig.poller.keyChanged();
    await rig.settle();
    assert.equal(rig.poller.paused, undefined);
    assert.equal(rig.queries('t'), 3);
  });

  for (const style of [404, 400] as const) {
    it(`${style === 404 ? '404' : '400 task_not_exist'}: marks the task not found and stops polling it`, async () => {
      rig.gateway.notFoundStyle = style;
      await rig.track('ghost');
      assert.deepEqual(
        [rig.view('ghost').state, rig.view('ghost').icon, rig.view('ghost').label],
        ['notFound', 'error', 'Not found'],
      );
      await rig.advance(INTERVAL_MS * 10, 5000);
      assert.equal(rig.queries('ghost'), 1);
    });
  }

  it('404 Invalid URL (the gateway has no such route): one pause for the gateway, no task marked not found', async () => {
    await rig.track('a', [RUNNING('a')]);
    await rig.track('b', [RUNNING('b')]);
    // new-api's answer for a path it does not serve (test/fixtures/gateways/055).
    rig.gateway.failEveryQuery({ status: 404, body: { error: { message: 'Invalid URL (GET /v1/video/query)', type: 'invalid_request_error', param: '', code: '' } } });
    await rig.advance(INTERVAL_MS * 5);
    assert.equal(rig.poller.paused?.reason, 'config');
    assert.match(rig.poller.paused?.message ?? '', /does not serve this request \(HTTP 404\).*anyapiVideo\.baseUrl/);
    assert.deepEqual([rig.view('a').state, rig.view('b').state], ['running', 'running'], 'no task is marked not found');
    assert.ok(rig.queries('a') + rig.queries('b') <= 4, 'nothing more is asked once the gateway has said it has no such route');
  });

  const badBodies: [string, object | string, RegExp][] = [
    ['invalid JSON', '{"status": pending}', /not valid JSON/],
    ['a truncated body', '{"id":"t","status":"proc', /not valid JSON/],
    ['an empty body', '', /empty answer/],
    ['a JSON array', [], /other than a task object/],
    ['null', 'null', /other than a task object/],
    ['a 5 MiB body', { status: 'processing', prompt: 'x'.repeat(5 * 1024 * 1024) }, /more than 1 MiB/],
  ];
  for (const [what, body, expected] of badBodies) {
    it(`a 200 with ${what}`, () => survives({ status: 200, body }, expected));
  }

  it('a 200 with a wrong content type is still read', async () => {
    rig.gateway.failQuery('t', { status: 200, headers: { 'content-type': 'text/html' }, body: JSON.stringify(RUNNING('t')) });
    await rig.track('t');
    assert.equal(rig.view('t').state, 'running');
  });

  it('a status word never seen before: shown as is, with a warning icon, polled slowly', async () => {
    await rig.track('t', [{ id: 't', status: 'moderating' }]);
    assert.deepEqual([rig.view('t').state, rig.view('t').icon, rig.view('t').label], ['unknown', 'warning', 'Status “moderating”']);
    await rig.advance(INTERVAL_MS * 3 - 1000);
    assert.equal(rig.queries('t'), 1);
    await rig.advance(1000);
    assert.equal(rig.queries('t'), 2);
  });

  for (const [raw, shown] of [['42', '42%'], [150, '100%'], [-1, '0%']] as const) {
    it(`progress ${JSON.stringify(raw)} shows as ${shown}`, async () => {
      await rig.track('t', [{ id: 't', status: 'processing', progress: raw }]);
      assert.match(rig.view('t').description, new RegExp(`^Running · ${shown}`));
    });
  }

  it('timestamps in seconds, milliseconds, strings, or missing', async () => {
    const updated = (id: string): number | undefined => rig.store.get(id)?.snapshot?.updatedAt;
    await rig.track('s', [{ id: 's', status: 'processing', status_update_time: 1764522552 }]);
    await rig.track('ms', [{ id: 'ms', status: 'processing', status_update_time: 1764522552000 }]);
    await rig.track('str', [{ id: 'str', status: 'processing', status_update_time: '1764522552' }]);
    await rig.track('none', [{ id: 'none', status: 'processing' }]);
    assert.deepEqual([updated('s'), updated('ms'), updated('str'), updated('none')], [1764522552000, 1764522552000, 1764522552000, undefined]);
    assert.match(rig.view('none').description, /updated just now/, 'falls back to when it was last checked');
  });

  it('video_url with a status that is not finished: still running, and polled on', async () => {
    await rig.track('t', [{ ...RUNNING('t'), status: 'video_generation_completed', video_url: rig.gateway.mediaUrl('sample.mp4') }]);
    assert.equal(rig.view('t').state, 'running');
    await rig.advance(INTERVAL_MS);
    assert.equal(rig.queries('t'), 2);
  });

  it('completed without video_url: a warning, not a spinner, and not polled again', async () => {
    await rig.track('t', [{ id: 't', status: 'completed' }]);
    assert.deepEqual([rig.view('t').icon, rig.view('t').label], ['warning', 'Done, but no video URL']);
    await rig.advance(INTERVAL_MS * 5, 5000);
    assert.equal(rig.queries('t'), 1);
  });

  it('a response id that differs from the one tracked: keyed by the tracked id, server id kept', async () => {
    await rig.track('grok:abc', [richCompleted('abc', rig.gateway)]);
    assert.equal(rig.store.get('grok:abc')?.snapshot?.serverId, 'abc');
    assert.equal(rig.store.get('abc'), undefined);
  });

  it('a finished task never regresses to an error because a later refresh failed', async () => {
    await rig.track('t', [richCompleted('t', rig.gateway)]);
    rig.gateway.failQuery('t', { status: 500, body: '' });
    rig.poller.refresh(['t']);
    await rig.settle();
    assert.deepEqual([rig.view('t').state, rig.view('t').icon], ['succeeded', 'pass']);
    assert.equal(rig.store.get('t')?.snapshot?.videoUrl, rig.gateway.mediaUrl('sample.mp4'));
    await rig.advance(INTERVAL_MS * 10, 5000);
    assert.equal(rig.queries('t'), 2, 'a failed refresh of a finished task is not retried on its own');
  });

  it('every tracked task and its last good state survive a reload after all of the above', async () => {
    await rig.track('done', [richCompleted('done', rig.gateway)]);
    await rig.track('run', [RUNNING('run')]);
    await rig.gateway.goDown();
    await rig.advance(INTERVAL_MS * 3);
    await rig.store.persist();
    const { TaskStore } = await import('../../../src/tasks/taskStore');
    const reloaded = new TaskStore(rig.storage, rig.log);
    assert.deepEqual(reloaded.all(), rig.store.all());
    assert.equal(reloaded.get('done')?.snapshot?.status, 'succeeded');
    assert.equal(reloaded.get('run')?.snapshot?.status, 'running');
    await rig.gateway.comeBack();
  });
});

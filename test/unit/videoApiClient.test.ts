import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { VideoApiClient, type HttpSettings } from '../../src/api/videoApiClient';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { completingScript, richCompleted } from '../fakeGateway/scenarios';
import { MemoryLogger } from './helpers/fakes';

const KEY = 'test-key';

describe('VideoApiClient against the fake gateway', function () {
  this.timeout(10_000);
  let gateway: FakeGateway;
  let client: VideoApiClient;
  let log: MemoryLogger;
  let settings: HttpSettings;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    log = new MemoryLogger();
    settings = { baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } };
    client = new VideoApiClient(() => settings, log);
  });

  afterEach(async () => {
    client.dispose();
    await gateway.close();
  });

  async function failure(taskId: string): Promise<ApiError> {
    try {
      await client.query(taskId, KEY);
    } catch (error) {
      assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
      return error;
    }
    assert.fail('the query should have failed');
  }

  async function assertKind(taskId: string, kind: ApiErrorKind, message?: RegExp): Promise<ApiError> {
    const error = await failure(taskId);
    assert.equal(error.kind, kind, error.message);
    if (message) {
      assert.match(error.message, message);
    }
    return error;
  }

  it('sends the key, the JSON headers and the URL-encoded id', async () => {
    const id = 'grok:eee6faa8 9dee&x=1';
    gateway.setTask(id, [richCompleted(id, gateway)]);
    const snapshot = await client.query(id, KEY);
    assert.equal(snapshot.status, 'succeeded');
    const [request] = gateway.queriesFor(id);
    assert.equal(request.headers.authorization, `Bearer ${KEY}`);
    assert.equal(request.headers.accept, 'application/json');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.url, '/v1/video/query?id=grok%3Aeee6faa8+9dee%26x%3D1');
  });

  it('follows a scripted progression, query by query', async () => {
    gateway.setTask('t1', completingScript('t1', gateway, 1));
    assert.equal((await client.query('t1', KEY)).status, 'queued');
    assert.equal((await client.query('t1', KEY)).status, 'running');
    assert.equal((await client.query('t1', KEY)).status, 'succeeded');
  });

  it('logs one line per request without the key', async () => {
    gateway.setTask('t1', [{ id: 't1', status: 'pending' }]);
    await client.query('t1', KEY);
    await failure('nope');
    assert.ok(log.lines.some((line) => /GET \/v1\/video\/query\?id=t1 200 \d+ ms/.test(line)), log.lines.join('\n'));
    assert.ok(!log.lines.some((line) => line.includes(KEY)), 'the key must never be logged');
  });

  it('reads 401 as a rejected key, with the gateway message', async () => {
    gateway.apiKey = 'another-key';
    await assertKind('t1', 'auth', /rejected the API key \(HTTP 401\).*invalid token/);
  });

  it('reads 404 and 400 task_not_exist as an unknown task', async () => {
    await assertKind('missing', 'notFound');
    gateway.notFoundStyle = 404;
    await assertKind('missing', 'notFound', /HTTP 404/);
  });

  it('reads 429 as rate limiting and keeps Retry-After (seconds or date)', async () => {
    gateway.failQuery('t1', { status: 429, headers: { 'retry-after': '7' }, body: { error: { message: '您已达到请求数限制：1分钟内最多请求60次' } } });
    const error = await assertKind('t1', 'rateLimited', /请求数限制/);
    assert.equal(error.details.retryAfterMs, 7000);
    gateway.failQuery('t1', { status: 429, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }, body: '' });
    const dated = await assertKind('t1', 'rateLimited');
    assert.ok(dated.details.retryAfterMs! > 55_000 && dated.details.retryAfterMs! <= 60_000, String(dated.details.retryAfterMs));
  });

  it('reads 5xx as the gateway being unavailable, and names an HTML error page', async () => {
    gateway.failQuery('t1', { status: 500, body: { message: 'internal error' } });
    await assertKind('t1', 'unavailable', /HTTP 500.*internal error/);
    gateway.failQuery('t1', {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>cloudflare</h1></body></html>',
    });
    await assertKind('t1', 'unavailable', /HTTP 502.*“502 Bad Gateway”/);
    gateway.failQuery('t1', { status: 503, headers: { 'retry-after': '7' }, body: '' });
    assert.equal((await assertKind('t1', 'unavailable')).details.retryAfterMs, 7000);
  });

  it('refuses a 200 that is HTML, not JSON, empty or truncated', async () => {
    gateway.failQuery('t1', { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Login</title>' }, 1);
    await assertKind('t1', 'badResponse', /HTML page: “Login”/);
    gateway.failQuery('t1', { status: 200, body: '{"status": "pend' }, 1);
    await assertKind('t1', 'badResponse', /not valid JSON/);
    gateway.failQuery('t1', { status: 200, body: '' }, 1);
    await assertKind('t1', 'badResponse', /empty/);
    gateway.failQuery('t1', { status: 200, body: [] }, 1);
    await assertKind('t1', 'badResponse', /not a task|other than a task/);
  });

  it('refuses a body over 1 MiB', async () => {
    gateway.failQuery('t1', { status: 200, body: { status: 'pending', prompt: 'x'.repeat(1024 * 1024) } });
    await assertKind('t1', 'badResponse', /more than 1 MiB/);
  });

  it('gives up on a gateway that never answers, after the timeout', async () => {
    settings = { ...settings, timeoutMs: 300 };
    gateway.failQuery('t1', 'hang');
    const started = Date.now();
    await assertKind('t1', 'timeout', /did not answer within/);
    assert.ok(Date.now() - started < 2000);
  });

  it('reads a connection reset mid-body as a network error', async () => {
    gateway.failQuery('t1', 'reset');
    const error = await failure('t1');
    assert.ok(error.kind === 'network' || error.kind === 'badResponse', `${error.kind}: ${error.message}`);
  });

  it('reads a refused connection as a network error naming the origin', async () => {
    const port = await freePort();
    settings = { ...settings, baseUrl: `http://127.0.0.1:${port}` };
    await assertKind('t1', 'network', new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  it('does not follow redirects, so the key stays with the gateway', async () => {
    gateway.failQuery('t1', { status: 302, headers: { location: 'http://127.0.0.2:1/steal' }, body: '' });
    await assertKind('t1', 'rejected', /redirected/);
  });

  it('refuses a base URL with a path, a query or another scheme before sending anything', async () => {
    for (const baseUrl of ['ftp://example.com', 'not a url', `${gateway.url}/v1`, `${gateway.url}?x=1`]) {
      settings = { ...settings, baseUrl };
      await assertKind('t1', 'config', /anyapiVideo\.baseUrl/);
    }
    assert.equal(gateway.requests.length, 0);
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('VideoApiClient through a proxy', function () {
  this.timeout(10_000);

  it('tunnels requests through the proxy from VS Code’s http.proxy setting', async () => {
    const gateway = await FakeGateway.start();
    gateway.setTask('t1', [{ id: 't1', status: 'pending' }]);
    const tunnels: string[] = [];
    const proxy = http.createServer((_request, response) => response.writeHead(405).end());
    proxy.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(request.url ?? '');
      // The proxy resolves the gateway's name; here every name is this machine, so nothing leaves it.
      const port = (request.url ?? '').split(':')[1];
      const upstream = net.connect(Number(port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    // A gateway by name, as real ones are: the client never looks the name up itself, the proxy does.
    const named = gateway.url.replace('127.0.0.1', 'gateway.example');
    let baseUrl = named;
    const client = new VideoApiClient(() => ({ baseUrl, timeoutMs: 2000, proxy: { proxyUrl, strictSSL: true } }), new MemoryLogger());
    try {
      assert.equal((await client.query('t1', KEY)).status, 'queued');
      assert.deepEqual(tunnels, [named.replace('http://', '')]);
      // A gateway on this machine is reached directly: through a proxy its key would cross the network in clear text.
      baseUrl = gateway.url;
      assert.equal((await client.query('t1', KEY)).status, 'queued');
      assert.equal(tunnels.length, 1, 'the loopback request did not go through the proxy');
    } finally {
      client.dispose();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await gateway.close();
    }
  });
});

describe('VideoApiClient.create against the fake gateway', function () {
  this.timeout(10_000);
  let gateway: FakeGateway;
  let client: VideoApiClient;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    client = new VideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } }), new MemoryLogger());
  });

  afterEach(async () => {
    client.dispose();
    await gateway.close();
  });

  it('posts the request as JSON and returns the id to track, which then answers queries', async () => {
    const id = await client.create({ model: 'grok-video-3', prompt: 'a cow with wings', aspect_ratio: '3:2', size: '720P' }, KEY);
    assert.equal(id, 'grok:created-1');
    assert.deepEqual(gateway.created, [{ model: 'grok-video-3', prompt: 'a cow with wings', aspect_ratio: '3:2', size: '720P' }]);
    assert.equal((await client.query(id, KEY)).status, 'queued');
  });

  it('brings back the gateway message when the request is refused', async () => {
    await assert.rejects(client.create({ model: 'grok-video-3', prompt: ' ' }, KEY), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.kind, 'rejected');
      assert.match(error.message, /HTTP 400.*model and prompt are required/);
      return true;
    });
    await assert.rejects(client.create({ model: 'sora-2', prompt: 'x' }, 'wrong'), /rejected the API key/);
  });

  it('refuses an answer without an id', async () => {
    gateway.failCreate({ status: 200, body: { status: 'pending' } }, 1);
    await assert.rejects(client.create({ model: 'veo3', prompt: 'x' }, KEY), /sent no task id/);
  });

  it('refuses an id that a typed one could not be, so it never reaches a notification', async () => {
    for (const id of ['[Renew your plan](command:workbench.action.quit)', '<img src=x>', 'a b', 'x'.repeat(300)]) {
      gateway.failCreate({ status: 200, body: { id, status: 'pending' } }, 1);
      await assert.rejects(client.create({ model: 'veo3', prompt: 'x' }, KEY), /not a task id/, id);
    }
  });
});

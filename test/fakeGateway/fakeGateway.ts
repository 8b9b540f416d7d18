import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** A canned HTTP answer. Objects are sent as JSON. */
export interface FakeResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | object;
}

/** What the gateway does instead of answering normally. */
export type Fault =
  | FakeResponse
  /** Accept the request and never answer. */
  | 'hang'
  /** Destroy the socket mid-body. */
  | 'reset'
  /** Media only: stream this many zero bytes, with or without saying how many in `content-length`. */
  | { readonly streamBytes: number; readonly declareLength: boolean };

/** What a fault answers in place of: one task's queries, any query, media, or create requests. */
type FaultTarget = { readonly query: string } | 'anyQuery' | 'media' | 'create';

/** Task ids come from the tests, so they get a namespace of their own: a task named "create" is still a task. */
function faultKey(target: FaultTarget): string {
  return typeof target === 'string' ? target : `query:${target.query}`;
}

/** A task's answers, one per query; the last one repeats. */
export type TaskScript = readonly object[];

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly taskId: string | null;
  readonly headers: http.IncomingHttpHeaders;
  readonly at: number;
}

const ASSETS = path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets');
const MEDIA_TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.jpg': 'image/jpeg' };

/**
 * A real HTTP server on 127.0.0.1 that speaks the unified video API:
 * `GET /v1/video/query?id=…` with Bearer auth, scripted task progressions,
 * injectable faults, and `/files/…` media with range requests (browsers ask
 * for `Range: bytes=0-` before they play a video).
 */
export class FakeGateway {
  /** The key requests must carry; `undefined` accepts any. */
  apiKey: string | undefined = 'test-key';
  /** Delay before every answer. */
  latencyMs = 0;
  /** How unknown ids are answered: 404, or 400 with `code: task_not_exist` as new-api gateways do. */
  notFoundStyle: 404 | 400 = 400;
  readonly requests: RecordedRequest[] = [];
  /** Requests for media under /files, kept apart from API queries. */
  readonly fileRequests: RecordedRequest[] = [];
  /** Requests for `/v1/videos/{id}/content`, the OpenAI-style route to a finished video. */
  readonly contentRequests: RecordedRequest[] = [];
  /** Task ids whose video `/v1/videos/{id}/content` serves (the sample video); others get 404. */
  readonly contentIds = new Set<string>();

  private readonly tasks = new Map<string, { script: TaskScript; served: number }>();
  private readonly rawAnswers = new Map<string, FakeResponse>();
  private readonly faults = new Map<string, { fault: Fault; remaining: number }>();
  private readonly sockets = new Set<import('node:net').Socket>();
  private inFlight = 0;
  private maxInFlight = 0;
  private readonly inFlightByTask = new Map<string, number>();
  private overlapCount = 0;
  private port = 0;

  private constructor(private readonly server: http.Server) {
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      this.handle(request, response).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on 127.0.0.1 (a random free port unless one is given). */
  static async start(port = 0): Promise<FakeGateway> {
    const gateway = new FakeGateway(http.createServer());
    await new Promise<void>((resolve, reject) => {
      gateway.server.once('error', reject);
      gateway.server.listen(port, '127.0.0.1', resolve);
    });
    gateway.port = (gateway.server.address() as AddressInfo).port;
    return gateway;
  }

  /** The origin to use as `anyapiVideo.baseUrl`; it stays the same while the gateway is down. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops listening and drops every connection: clients now get "connection refused". */
  async goDown(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port after {@link goDown}. */
  async comeBack(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** URL of a media file the gateway serves, e.g. `sample.mp4`. */
  mediaUrl(name: string): string {
    return `${this.url}/files/${name}`;
  }

  setTask(id: string, script: TaskScript): void {
    this.tasks.set(id, { script, served: 0 });
  }

  /**
   * Answers every query for `id` with exactly this response — status, headers
   * and body — as a real gateway's answer recorded in test/fixtures/gateways.
   */
  answerWith(id: string, response: FakeResponse): void {
    this.rawAnswers.set(id, response);
  }

  /** Answers queries for `taskId` with a fault, `times` times (default: until cleared). */
  failQuery(taskId: string, fault: Fault, times = Infinity): void {
    this.faults.set(faultKey({ query: taskId }), { fault, remaining: times });
  }

  /** The same for every query, whatever its task (a query for a task with its own fault takes that one first). */
  failEveryQuery(fault: Fault, times = Infinity): void {
    this.faults.set(faultKey('anyQuery'), { fault, remaining: times });
  }

  /** The same for requests of media under `/files/`. */
  failMedia(fault: Fault, times = Infinity): void {
    this.faults.set(faultKey('media'), { fault, remaining: times });
  }

  /** The same for create requests. */
  failCreate(fault: Fault, times = Infinity): void {
    this.faults.set(faultKey('create'), { fault, remaining: times });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  queriesFor(taskId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.taskId === taskId);
  }

  /** The most queries that were ever in flight at once. */
  get peakConcurrency(): number {
    return this.maxInFlight;
  }

  /** How often a query arrived for a task that already had one in flight. */
  get overlaps(): number {
    return this.overlapCount;
  }

  async close(): Promise<void> {
    if (this.server.listening) {
      await this.goDown();
    }
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (url.pathname.startsWith('/files/')) {
      this.fileRequests.push({ method: request.method ?? '', url: request.url ?? '', taskId: null, headers: request.headers, at: Date.now() });
      const fault = this.takeFault('media');
      if (fault === 'reset') {
        // Promise the whole file, send a little of it, then drop the connection.
        response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
        response.write(Buffer.alloc(1000));
        setImmediate(() => response.destroy());
      } else if (fault === 'hang') {
        response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
        response.write(Buffer.alloc(1000));
      } else if (fault && 'streamBytes' in fault) {
        streamZeros(response, fault.streamBytes, fault.declareLength);
      } else if (fault) {
        send(response, fault);
      } else {
        serveFile(request, response, url.pathname.slice('/files/'.length));
      }
      return;
    }
    const content = /^\/v1\/videos\/([^/]+)\/content$/.exec(url.pathname);
    if (content) {
      this.contentRequests.push({ method: request.method ?? '', url: request.url ?? '', taskId: decodeURIComponent(content[1]), headers: request.headers, at: Date.now() });
      if (this.apiKey !== undefined && request.headers.authorization !== `Bearer ${this.apiKey}`) {
        send(response, { status: 401, body: { error: { message: '无效的令牌 (invalid token)', type: 'new_api_error', code: '' } } });
      } else if (this.contentIds.has(decodeURIComponent(content[1]))) {
        serveFile(request, response, 'sample.mp4');
      } else {
        send(response, { status: 404, body: { error: { message: 'video not found', type: 'invalid_request_error' } } });
      }
      return;
    }
    if (request.method === 'POST' && url.pathname === '/v1/video/create') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) {
        chunks.push(chunk as Buffer);
      }
      const fault = this.takeFault('create');
      if (fault === 'hang') {
        return;
      }
      send(response, fault === 'reset' || (fault && 'streamBytes' in fault) ? { status: 502, body: '' } : (fault ?? this.answerCreate(request, Buffer.concat(chunks).toString('utf8'))));
      return;
    }
    const taskId = url.searchParams.get('id');
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', taskId, headers: request.headers, at: Date.now() });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const key = taskId ?? '';
    const sameTask = this.inFlightByTask.get(key) ?? 0;
    if (sameTask > 0) {
      this.overlapCount++;
    }
    this.inFlightByTask.set(key, sameTask + 1);
    response.on('close', () => {
      this.inFlight--;
      this.inFlightByTask.set(key, (this.inFlightByTask.get(key) ?? 1) - 1);
    });
    if (this.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    }
    const fault = this.takeFault({ query: taskId ?? '' }, 'anyQuery');
    if (fault === 'hang') {
      return;
    }
    if (fault === 'reset') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"id":"');
      setImmediate(() => response.destroy());
      return;
    }
    send(response, fault === undefined || 'streamBytes' in fault ? this.answer(request, url, taskId) : fault);
  }

  private takeFault(...targets: FaultTarget[]): Fault | undefined {
    for (const target of targets) {
      const entry = this.faults.get(faultKey(target));
      if (entry && entry.remaining > 0) {
        entry.remaining--;
        return entry.fault;
      }
    }
    return undefined;
  }

  /** Bodies of accepted create requests, in order. */
  readonly created: Record<string, unknown>[] = [];

  private answerCreate(request: http.IncomingMessage, text: string): FakeResponse {
    if (this.apiKey !== undefined && request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return { status: 401, body: { error: { message: '无效的令牌 (invalid token)', type: 'new_api_error', code: '' } } };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: { message: 'invalid JSON body', type: 'invalid_request_error' } } };
    }
    const fields = body as Record<string, unknown>;
    if (typeof fields.model !== 'string' || typeof fields.prompt !== 'string' || fields.prompt.trim() === '') {
      return { status: 400, body: { error: { message: 'model and prompt are required', type: 'invalid_request_error' } } };
    }
    const id = `${fields.model.split('-')[0]}:created-${this.created.length + 1}`;
    this.created.push(fields);
    const now = Date.now();
    this.setTask(id, [
      { id, status: 'pending', model: fields.model, prompt: fields.prompt, status_update_time: now },
      { id, status: 'processing', progress: 50, model: fields.model, prompt: fields.prompt, status_update_time: now },
      { id, status: 'completed', progress: 100, model: fields.model, prompt: fields.prompt, video_url: this.mediaUrl('sample.mp4'), thumbnail_url: this.mediaUrl('sample.jpg'), status_update_time: now },
    ]);
    return { status: 200, body: { id, status: 'pending', status_update_time: now } };
  }

  private answer(request: http.IncomingMessage, url: URL, taskId: string | null): FakeResponse {
    if (request.method !== 'GET' || url.pathname !== '/v1/video/query') {
      return { status: 404, body: { error: { message: 'Invalid URL (GET ' + url.pathname + ')', type: 'invalid_request_error' } } };
    }
    if (this.apiKey !== undefined && request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return { status: 401, body: { error: { message: '无效的令牌 (invalid token)', type: 'new_api_error', code: '' } } };
    }
    const raw = taskId === null ? undefined : this.rawAnswers.get(taskId);
    if (raw) {
      return raw;
    }
    const task = taskId === null ? undefined : this.tasks.get(taskId);
    if (!task) {
      return this.notFoundStyle === 404
        ? { status: 404, body: { error: { message: 'task not found', type: 'invalid_request_error' } } }
        : { status: 400, body: { code: 'task_not_exist', message: 'task_not_exist', data: null } };
    }
    const body = task.script[Math.min(task.served, task.script.length - 1)];
    task.served++;
    return { status: 200, body };
  }
}

function send(response: http.ServerResponse, answer: FakeResponse): void {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const headers = { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', ...answer.headers };
  response.writeHead(answer.status ?? 200, headers);
  response.end(body);
}

/** Writes `bytes` zeros in 64 KiB chunks, respecting back-pressure, so a 300 MB body costs no memory. */
function streamZeros(response: http.ServerResponse, bytes: number, declareLength: boolean): void {
  response.writeHead(200, { 'content-type': 'video/mp4', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024);
  let left = bytes;
  const pump = (): void => {
    while (left > 0) {
      const size = Math.min(left, chunk.length);
      left -= size;
      if (!response.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => {
    left = 0;
  });
  pump();
}

function serveFile(request: http.IncomingMessage, response: http.ServerResponse, name: string): void {
  const type = MEDIA_TYPES[path.extname(name)];
  if (type === undefined || name.includes('/') || name.includes('..')) {
    response.writeHead(404).end();
    return;
  }
  let data: Buffer;
  try {
    data = readFileSync(path.join(ASSETS, name));
  } catch {
    response.writeHead(404).end();
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (!range) {
    response.writeHead(200, { 'content-type': type, 'content-length': data.length, 'accept-ranges': 'bytes' });
    response.end(request.method === 'HEAD' ? undefined : data);
    return;
  }
  const start = range[1] === '' ? Math.max(0, data.length - Number(range[2])) : Number(range[1]);
  const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
  if (start > end || start >= data.length) {
    response.writeHead(416, { 'content-range': `bytes */${data.length}` }).end();
    return;
  }
  response.writeHead(206, {
    'content-type': type,
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${data.length}`,
    'accept-ranges': 'bytes',
  });
  response.end(request.method === 'HEAD' ? undefined : data.subarray(start, end + 1));
}

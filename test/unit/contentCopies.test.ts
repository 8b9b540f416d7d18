import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { VideoApiClient } from '../../src/api/videoApiClient';
import { VideoDownloader } from '../../src/api/videoDownloader';
import { ContentCopies } from '../../src/tasks/contentCopies';
import { TaskStore } from '../../src/tasks/taskStore';
import { statusLabel, taskIcon } from '../../src/views/taskPresentation';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { loadGatewayFixtures } from '../fixtures/gatewayFixtures';
import { MemoryLogger, MemoryStorage } from './helpers/fakes';

const KEY = 'test-key';

describe('ContentCopies: videos without a URL, from the gateway’s content route', function () {
  this.timeout(10_000);
  // new-api's documented OpenAI-style answer: completed, and no URL anywhere (test/fixtures/gateways/004).
  const urlLess = loadGatewayFixtures().find((fixture) => fixture.name.startsWith('004-'));
  let gateway: FakeGateway;
  let folder: string;
  let store: TaskStore;
  let client: VideoApiClient;
  let downloader: VideoDownloader;
  let copies: ContentCopies;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    gateway.apiKey = KEY;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-content-'));
    store = new TaskStore(new MemoryStorage(), new MemoryLogger());
    client = new VideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 2000, proxy: { strictSSL: true } }), new MemoryLogger());
    downloader = new VideoDownloader(() => ({ strictSSL: true }), (raw) => vetMediaUrl(raw, gateway.url));
    copies = new ContentCopies({
      store,
      downloader,
      folder: path.join(folder, 'videos'),
      apiKey: () => ({ key: KEY }),
      baseUrl: () => gateway.url,
      maxBytes: () => 1024 * 1024,
      log: new MemoryLogger(),
    });
  });

  afterEach(async () => {
    client.dispose();
    downloader.dispose();
    await gateway.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function finishWithoutUrl(id: string): Promise<void> {
    assert.ok(urlLess, 'fixture 004 is in the corpus');
    gateway.answerWith(id, { status: 200, body: { ...(urlLess.body as object), id } });
    store.add([id]);
    store.recordSnapshot(id, await client.query(id, KEY));
  }

  it('fetches the video with the key from the gateway’s own origin, keeps it, and shows the task ready', async () => {
    await finishWithoutUrl('video_abc');
    const task = store.get('video_abc');
    assert.equal(task?.snapshot?.status, 'succeeded');
    assert.equal(task?.snapshot?.videoUrl, undefined);
    assert.equal(statusLabel(task!), 'Done, but no video URL');
    gateway.contentIds.add('video_abc');
    await copies.fetch(task!);
    const copied = store.get('video_abc');
    assert.equal(copied?.localVideo, 'video_abc.mp4');
    assert.deepEqual(fs.readFileSync(path.join(folder, 'videos', 'video_abc.mp4')), fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets', 'sample.mp4')));
    assert.deepEqual([statusLabel(copied!), taskIcon(copied!).id], ['Ready', 'pass']);
    assert.deepEqual(gateway.contentRequests.map((request) => [request.url, request.headers.authorization]), [['/v1/videos/video_abc/content', `Bearer ${KEY}`]]);
  });

  it('leaves a task "done, but no video URL" when the gateway has no such route', async () => {
    await finishWithoutUrl('video_none');
    await copies.fetch(store.get('video_none')!);
    assert.equal(store.get('video_none')?.localVideo, undefined);
    assert.equal(statusLabel(store.get('video_none')!), 'Done, but no video URL');
    assert.deepEqual(fs.readdirSync(path.join(folder, 'videos')), [], 'nothing half-written is left');
  });

  it('asks by the tracked id, not by a masked id the answer carries', async () => {
    assert.ok(urlLess);
    gateway.answerWith('video_tracked', { status: 200, body: { ...(urlLess.body as object), id: 'task_**' } });
    store.add(['video_tracked']);
    store.recordSnapshot('video_tracked', await client.query('video_tracked', KEY));
    gateway.contentIds.add('video_tracked');
    await copies.fetch(store.get('video_tracked')!);
    assert.equal(store.get('video_tracked')?.localVideo, 'video_tracked.mp4');
    assert.deepEqual(gateway.contentRequests.map((request) => request.url), ['/v1/videos/video_tracked/content']);
  });

  it('fetches a video URL on the gateway’s own /v1/videos route with the key, and refuses a page sent as the video', async () => {
    store.add(['own-url']);
    gateway.contentIds.add('own-url');
    store.recordSnapshot('own-url', { rawStatus: 'succeeded', status: 'succeeded', videoUrl: `${gateway.url}/v1/videos/own-url/content` });
    await copies.fetch(store.get('own-url')!);
    assert.equal(store.get('own-url')?.localVideo, 'own-url.mp4');
    gateway.failMedia({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><title>Log in</title></html>' }, 1);
    await assert.rejects(
      downloader.download(gateway.mediaUrl('sample.mp4'), path.join(folder, 'page.mp4'), { maxBytes: 1024 * 1024, replace: true }),
      /sent text\/html instead of a video/,
    );
  });

  it('sends the key to the gateway’s origin only: a redirect elsewhere goes without it', async () => {
    const elsewhere = await FakeGateway.start();
    try {
      const downloadFolder = path.join(folder, 'redirect');
      fs.mkdirSync(downloadFolder);
      gateway.failMedia({ status: 302, headers: { location: elsewhere.mediaUrl('sample.mp4') }, body: '' }, 1);
      await downloader.download(gateway.mediaUrl('sample.mp4'), path.join(downloadFolder, 'v.mp4'), { maxBytes: 1024 * 1024, replace: true, authorization: `Bearer ${KEY}` });
      assert.equal(gateway.fileRequests[0]?.headers.authorization, `Bearer ${KEY}`);
      assert.equal(elsewhere.fileRequests[0]?.headers.authorization, undefined, 'the other origin never saw the key');
    } finally {
      await elsewhere.close();
    }
  });
});

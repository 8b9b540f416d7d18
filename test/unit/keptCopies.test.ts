import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { VideoDownloader } from '../../src/api/videoDownloader';
import { KeptCopies } from '../../src/tasks/keptCopies';
import { TaskStore } from '../../src/tasks/taskStore';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets', 'sample.mp4');

describe('Keep a Copy against the fake gateway', function () {
  this.timeout(10_000);
  let gateway: FakeGateway;
  let downloader: VideoDownloader;
  let folder: string;
  let store: TaskStore;
  let totalBytes: number;
  let copies: KeptCopies;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    downloader = new VideoDownloader(() => ({ strictSSL: true }), (raw) => vetMediaUrl(raw, gateway.url));
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-kept-')), 'videos');
    store = new TaskStore(new MemoryStorage(), new MemoryLogger());
    store.add(['sora:1']);
    store.recordSnapshot('sora:1', snapshot('succeeded', { videoUrl: gateway.mediaUrl('sample.mp4') }));
    totalBytes = 100 * 1048576;
    copies = new KeptCopies({ store, downloader, folder, vetMedia: (raw) => vetMediaUrl(raw, gateway.url), maxBytes: () => 50 * 1048576, totalBytes: () => totalBytes, baseUrl: () => gateway.url });
  });

  afterEach(async () => {
    downloader.dispose();
    await gateway.close();
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it('downloads the video once, into the videos folder, and the task plays it from there', async () => {
    const task = store.get('sora:1')!;
    const [first, second] = await Promise.all([copies.keep(task), copies.keep(task)]);
    const size = fs.statSync(SAMPLE).size;
    assert.deepEqual([first, second], [size, size]);
    assert.equal(gateway.fileRequests.length, 1, 'asked twice at once, it downloads once');
    assert.equal(gateway.fileRequests[0].headers.authorization, undefined, 'no key goes to the video host');
    assert.equal(store.get('sora:1')?.localVideo, 'sora%3A1.mp4');
    assert.equal(store.get('sora:1')?.localVideoBytes, size);
    assert.deepEqual(fs.readFileSync(path.join(folder, 'sora%3A1.mp4')), fs.readFileSync(SAMPLE));
  });

  it('stays within the total the copies may take, and says so', async () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'other.mp4'), Buffer.alloc(2048));
    totalBytes = 2048;
    await assert.rejects(copies.keep(store.get('sora:1')!), /already fill the 0 MB that anyapiVideo\.keptCopiesMaxMegabytes allows/);
    assert.equal(gateway.fileRequests.length, 0, 'nothing was downloaded');
    assert.equal(store.get('sora:1')?.localVideo, undefined);
  });

  it('does not count a download left half-done by a window that died', async () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'other.mp4.part'), Buffer.alloc(4096));
    totalBytes = fs.statSync(SAMPLE).size + 1;
    assert.equal(await copies.keep(store.get('sora:1')!), fs.statSync(SAMPLE).size);
  });

  it('refuses a task without a link of its own, and does not fetch one kept already (here or in another window)', async () => {
    store.add(['q']);
    await assert.rejects(copies.keep(store.get('q')!), /has no video link a copy could be kept of/);
    const task = store.get('sora:1')!;
    const size = await copies.keep(task);
    assert.equal(await copies.keep(task), size, 'asked with the task as it was before the copy: it reports the copy');
    assert.equal(gateway.fileRequests.length, 1);
    assert.equal(copies.keepable(store.get('sora:1')!), false);
  });
});

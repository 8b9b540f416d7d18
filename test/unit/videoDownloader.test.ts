import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { VideoDownloader, videoFileName } from '../../src/api/videoDownloader';
import { FakeGateway } from '../fakeGateway/fakeGateway';

describe('VideoDownloader against the fake gateway', function () {
  this.timeout(10_000);
  let gateway: FakeGateway;
  let downloader: VideoDownloader;
  let dir: string;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    downloader = new VideoDownloader(
      () => ({ strictSSL: true }),
      (raw) => vetMediaUrl(raw, gateway.url),
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-download-'));
  });

  afterEach(async () => {
    downloader.dispose();
    await gateway.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** What an automatic download passes; the save dialog's path passes `replace: true`. */
  const AUTO = { maxBytes: 2 * 1024 * 1024 * 1024, replace: false } as const;
  const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets', 'sample.mp4'));

  it('streams the video to disk with progress, and sends no key or API header', async () => {
    const target = path.join(dir, 'video.mp4');
    const progress: number[] = [];
    const { bytes } = await downloader.download(gateway.mediaUrl('sample.mp4'), target, { ...AUTO, onProgress: (p) => progress.push(p.receivedBytes) });
    assert.equal(bytes, sample.length);
    assert.deepEqual(fs.readFileSync(target), sample);
    assert.equal(progress.at(-1), sample.length);
    assert.equal(fs.existsSync(`${target}.part`), false);
    const [request] = gateway.fileRequests;
    assert.equal(request.headers.authorization, undefined);
    assert.equal(request.headers['content-type'], undefined);
  });

  it('removes the partial file when the connection drops mid-download', async () => {
    gateway.failMedia('reset', 1);
    const target = path.join(dir, 'video.mp4');
    await assert.rejects(downloader.download(gateway.mediaUrl('sample.mp4'), target, AUTO));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('removes the partial file when cancelled', async () => {
    gateway.failMedia('hang', 1);
    const controller = new AbortController();
    const target = path.join(dir, 'video.mp4');
    const download = downloader.download(gateway.mediaUrl('sample.mp4'), target, { ...AUTO, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(download);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('reports an HTTP error from the file host, and refuses non-https URLs', async () => {
    gateway.failMedia({ status: 403, body: 'expired' }, 1);
    await assert.rejects(downloader.download(gateway.mediaUrl('sample.mp4'), path.join(dir, 'a.mp4'), AUTO), /HTTP 403/);
    await assert.rejects(downloader.download('http://files.example/v.mp4', path.join(dir, 'b.mp4'), AUTO), /not a public https address/);
    await assert.rejects(downloader.download('file:///etc/passwd', path.join(dir, 'c.mp4'), AUTO), /not a public https address/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('refuses a video over the size limit before writing, when the host says its size', async () => {
    gateway.failMedia({ streamBytes: 3 * 1024 * 1024, declareLength: true }, 1);
    const written: number[] = [];
    await assert.rejects(
      downloader.download(gateway.mediaUrl('big.mp4'), path.join(dir, 'big.mp4'), { ...AUTO, maxBytes: 1024 * 1024, onProgress: (p) => written.push(p.receivedBytes) }),
      /larger than 1 MB.*anyapiVideo\.maxDownloadMegabytes/,
    );
    assert.deepEqual(written, [], 'not a byte was written');
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('stops a host that sends no length as soon as it passes the limit, and leaves nothing', async () => {
    gateway.failMedia({ streamBytes: 300 * 1024 * 1024, declareLength: false }, 1);
    let received = 0;
    await assert.rejects(
      downloader.download(gateway.mediaUrl('endless.mp4'), path.join(dir, 'endless.mp4'), { ...AUTO, maxBytes: 1024 * 1024, onProgress: (p) => (received = p.receivedBytes) }),
      /larger than 1 MB/,
    );
    assert.ok(received <= 1024 * 1024, `${received} bytes accepted`);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('never writes through a file or symlink planted at the partial name', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    const target = path.join(dir, 'video.mp4');
    fs.symlinkSync(victim, `${target}.part`);
    await downloader.download(gateway.mediaUrl('sample.mp4'), target, AUTO);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious', 'the symlink target is untouched');
    assert.equal(fs.readlinkSync(`${target}.part`), victim, 'the planted link is left as it was');
    assert.deepEqual(fs.readFileSync(target), sample);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['victim.txt', 'video.mp4', 'video.mp4.part'].sort());
  });

  it('does not replace a file that appears at the destination while downloading (no check-then-rename race)', async () => {
    const target = path.join(dir, 'video.mp4');
    let planted = false;
    await assert.rejects(
      downloader.download(gateway.mediaUrl('sample.mp4'), target, {
        ...AUTO,
        onProgress: () => {
          if (!planted) {
            planted = true;
            fs.writeFileSync(target, 'someone else’s file');
          }
        },
      }),
      /exists already; nothing was overwritten/,
    );
    assert.equal(fs.readFileSync(target, 'utf8'), 'someone else’s file');
    assert.deepEqual(fs.readdirSync(dir), ['video.mp4'], 'no partial file is left');
  });

  it('vets every redirect like the first URL: a file host cannot bounce the download into the LAN', async () => {
    gateway.failMedia({ status: 302, headers: { location: 'https://192.168.1.1/router-backup.mp4' }, body: '' }, 1);
    await assert.rejects(downloader.download(gateway.mediaUrl('sample.mp4'), path.join(dir, 'v.mp4'), AUTO), /not a public https address/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('replaces an existing file when the user chose it in the save dialog', async () => {
    const target = path.join(dir, 'video.mp4');
    fs.writeFileSync(target, 'old');
    await downloader.download(gateway.mediaUrl('sample.mp4'), target, { ...AUTO, replace: true });
    assert.deepEqual(fs.readFileSync(target), sample);
    assert.deepEqual(fs.readdirSync(dir), ['video.mp4']);
  });
});

describe('videoFileName', () => {
  it('builds a name from the prompt and the short task id', () => {
    assert.equal(videoFileName('grok:9dee455c-aa82-02ac', 'A cow with wings, flying!'), 'a-cow-with-wings-flying-9dee455c.mp4');
    assert.equal(videoFileName('033fa60e-f37c', undefined), 'video-033fa60e.mp4');
    assert.equal(videoFileName('jimeng:42', '猫 和 鱼'), '猫-和-鱼-42.mp4');
    assert.equal(videoFileName('grok:created-1', 'A paper boat drifting down a rainy street'), 'a-paper-boat-drifting-down-a-rainy-created1.mp4', 'cut at a word');
  });

  it('keeps names short and free of path characters', () => {
    const name = videoFileName('x:../../etc', `${'long '.repeat(30)}/..\\:*?`);
    assert.ok(name.length <= 60, name);
    assert.doesNotMatch(name, /[\\/:*?]|\.\./);
  });
});

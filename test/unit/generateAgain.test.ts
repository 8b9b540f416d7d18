import * as assert from 'node:assert/strict';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { VideoApiClient } from '../../src/api/videoApiClient';
import { requestToRepeat } from '../../src/create/videoModels';
import { createPreviewModel } from '../../src/preview/previewModel';
import { isWebviewMessage } from '../../src/preview/protocol';
import { generatedFrom, sourceOf } from '../../src/tasks/lineage';
import { restoreTasks } from '../../src/tasks/persistence';
import { mergeTask } from '../../src/tasks/taskMerge';
import { TaskCreator } from '../../src/tasks/taskCreator';
import { TaskStore } from '../../src/tasks/taskStore';
import { mayGenerateAgain, type TrackedTask } from '../../src/tasks/trackedTask';
import { tooltipLines } from '../../src/views/taskPresentation';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

const KEY = 'test-key';

describe('Generate Again: where a task came from', function () {
  this.timeout(10_000);

  describe('a task created here', () => {
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

    it('keeps the request it was created with and the task it came from, across a restart', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage, new MemoryLogger());
      const creator = new TaskCreator(client, () => ({ key: KEY }), store);
      const request = { model: 'sora-2', prompt: 'a fox in the snow', orientation: 'portrait', size: 'small', duration: 10 };
      const first = await creator.create(request);
      const second = await creator.create({ ...request, prompt: 'a fox in the rain' }, first);

      assert.deepEqual(gateway.created.at(-1), { ...request, prompt: 'a fox in the rain' });
      store.recordSnapshot(second, snapshot('succeeded', { model: 'sora-2', prompt: 'a fox in the rain' }));
      await store.persist();
      const restored = new TaskStore(storage, new MemoryLogger());
      assert.deepEqual(restored.get(first)?.request, request);
      assert.equal(restored.get(first)?.from, undefined);
      assert.equal(restored.get(second)?.from, first);
      assert.deepEqual(requestToRepeat(restored.get(second)!), { ...request, prompt: 'a fox in the rain' });
    });
  });

  describe('across windows', () => {
    it('keeps the request, the source and the finish time when a newer copy of the task lacks them', () => {
      const request = { model: 'veo3', prompt: 'a lighthouse' };
      const mine: TrackedTask = { id: 't', addedAt: 1, changedAt: 5, request, from: 's', finishedAt: 5, snapshot: snapshot('succeeded', { model: 'veo3' }) };
      // Written by a window still on an older version, or after the task was tracked again by id: newer, but without them.
      const theirs: TrackedTask = { id: 't', addedAt: 1, changedAt: 9, checkedAt: 9, snapshot: snapshot('succeeded', { model: 'veo3', prompt: 'a lighthouse' }) };
      const merged = mergeTask(mine, theirs);
      assert.equal(merged.checkedAt, 9, 'their newer state wins');
      assert.deepEqual([merged.request, merged.from, merged.finishedAt], [request, 's', 5], 'and the facts stay');
      const back = mergeTask(theirs, mine);
      assert.deepEqual([back.request, back.from, back.finishedAt], [request, 's', 5], 'also when the window holding the facts is the other one');
      assert.equal(back.checkedAt, 9);
    });

    it('keeps the copy kept here when the other window answered before it saw the copy', () => {
      const kept: TrackedTask = { id: 't', addedAt: 1, changedAt: 5, localVideo: 't.mp4', localVideoBytes: 42, snapshot: snapshot('succeeded', { videoUrl: 'https://cdn.example/a.mp4' }) };
      const answered: TrackedTask = { id: 't', addedAt: 1, changedAt: 9, checkedAt: 9, snapshot: snapshot('succeeded', { videoUrl: 'https://cdn.example/b.mp4' }) };
      for (const merged of [mergeTask(kept, answered), mergeTask(answered, kept)]) {
        assert.deepEqual([merged.snapshot?.videoUrl, merged.localVideo, merged.localVideoBytes], ['https://cdn.example/b.mp4', 't.mp4', 42]);
      }
    });
  });

  describe('requestToRepeat', () => {
    it('starts from the request sent, not from what the gateway reports', () => {
      const task: TrackedTask = {
        id: 'a',
        addedAt: 1,
        request: { model: 'veo3', prompt: 'sent', aspect_ratio: '9:16', enhance_prompt: true },
        snapshot: snapshot('succeeded', { model: 'veo3-internal', prompt: 'reported' }),
      };
      assert.deepEqual(requestToRepeat(task), { model: 'veo3', prompt: 'sent', aspect_ratio: '9:16', enhance_prompt: true });
    });

    it('falls back to the model, prompt and ratio the gateway reports for a task tracked by id', () => {
      const task: TrackedTask = { id: 'b', addedAt: 1, snapshot: snapshot('succeeded', { model: 'grok-video-3', prompt: 'a kite', ratio: '3:2' }) };
      assert.equal(mayGenerateAgain(task), true);
      assert.deepEqual(requestToRepeat(task), { model: 'grok-video-3', prompt: 'a kite', aspect_ratio: '3:2' });
    });

    it('has nothing to start from before the gateway names the model and prompt', () => {
      const task: TrackedTask = { id: 'c', addedAt: 1, snapshot: snapshot('queued') };
      assert.equal(mayGenerateAgain(task), false);
      assert.equal(requestToRepeat(task), undefined);
    });

    it('checks a stored request like any request from outside: a damaged one offers nothing unsafe', () => {
      const stored = restoreTasks({
        version: 2,
        tasks: [
          {
            id: 'd',
            addedAt: 1,
            request: { model: 'grok-video-3', prompt: 'ok', size: '720P; rm -rf', images: ['javascript:alert(1)'], callback_url: 'https://evil.example/' },
          },
          { id: 'e', addedAt: 1, request: { model: '<img src=x>', prompt: 'ok' } },
          { id: 'f', addedAt: 1, request: 'not an object', from: 'f' },
          { id: 'g', addedAt: 1, from: 'bad id\u202e' },
        ],
      });
      const [d, e, f, g] = stored.tasks;
      assert.deepEqual(requestToRepeat(d), { model: 'grok-video-3', prompt: 'ok' }, 'unknown keys, a bad word and a non-https image are dropped');
      assert.equal(requestToRepeat(e), undefined, 'a model name that could not be typed is refused');
      assert.deepEqual(
        requestToRepeat({ ...e, snapshot: snapshot('succeeded', { model: 'grok-video-3', prompt: 'as reported' }) }),
        { model: 'grok-video-3', prompt: 'as reported' },
        'and then what the gateway reports is used',
      );
      assert.equal(f.request, undefined);
      assert.equal(f.from, undefined, 'a task is not its own source');
      assert.equal(g.from, undefined, 'a source that is not an id is dropped');
    });
  });

  describe('lineage', () => {
    const source: TrackedTask = { id: 'grok:1', label: 'Kite, first try', addedAt: 1 };
    const later: TrackedTask = { id: 'grok:3', addedAt: 3, from: 'grok:1' };
    const earlier: TrackedTask = { id: 'grok:2', addedAt: 2, from: 'grok:1' };
    const all = [source, later, earlier];
    const get = (id: string): TrackedTask | undefined => all.find((task) => task.id === id);

    it('names the source by its label, or by its id once it is no longer tracked', () => {
      assert.deepEqual(sourceOf(later, get), { id: 'grok:1', name: 'Kite, first try', tracked: true });
      assert.deepEqual(sourceOf(later, () => undefined), { id: 'grok:1', name: 'grok:1', tracked: false });
      assert.equal(sourceOf(source, get), undefined);
    });

    it('lists what was generated from a task, oldest first', () => {
      assert.deepEqual(
        generatedFrom('grok:1', all).map((task) => task.id),
        ['grok:2', 'grok:3'],
      );
      assert.deepEqual(generatedFrom('grok:2', all), []);
    });

    it('shows the source in the tooltip and both directions in the preview', () => {
      assert.deepEqual(
        tooltipLines(later, 'Kite, first try').find(([label]) => label === 'Generated again from'),
        ['Generated again from', 'Kite, first try'],
      );
      assert.equal(
        tooltipLines(source).some(([label]) => label === 'Generated again from'),
        false,
      );
      const vetMedia = (raw: string | undefined) => vetMediaUrl(raw, 'https://www.anyapi.vip');
      const model = createPreviewModel(source, vetMedia, { generated: generatedFrom(source.id, all) });
      assert.deepEqual(
        model.generated.map((task) => task.name),
        ['grok:2', 'grok:3'],
      );
      assert.equal(model.canGenerateAgain, false, 'nothing known to send yet');
      assert.equal(createPreviewModel(later, vetMedia, { source: sourceOf(later, get), generated: [] }).source?.name, 'Kite, first try');
    });

    it('takes a task to open from the preview only with a string id', () => {
      assert.ok(isWebviewMessage({ type: 'openTask', taskId: 'grok:2' }));
      assert.ok(isWebviewMessage({ type: 'generateAgain' }));
      for (const message of [{ type: 'openTask' }, { type: 'openTask', taskId: 7 }, { type: 'openTask', taskId: ['a'] }]) {
        assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
      }
    });
  });
});

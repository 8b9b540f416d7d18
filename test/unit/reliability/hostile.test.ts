import * as assert from 'node:assert/strict';
import { vetMediaUrl } from '../../../src/api/mediaUrl';
import { parseTaskSnapshot } from '../../../src/api/taskSnapshot';
import { renderPreviewHtml } from '../../../src/preview/previewHtml';
import { createPreviewModel, mediaOrigins } from '../../../src/preview/previewModel';
import { restoreTasks, serializeTasks } from '../../../src/tasks/persistence';
import type { TrackedTask } from '../../../src/tasks/trackedTask';
import { describeTask, tooltipLines } from '../../../src/views/taskPresentation';
import { HOSTILE_PAYLOADS, hostileTask, STRING_FIELDS } from '../../fakeGateway/hostilePayloads';

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('Hostile input in every field', () => {
  it('the fixture has at least 30 payloads and places each in every string field', () => {
    assert.ok(HOSTILE_PAYLOADS.length >= 30);
    const seen = new Set<string>();
    for (let n = 0; n < HOSTILE_PAYLOADS.length; n++) {
      const body = hostileTask(n) as Record<string, unknown>;
      for (const field of STRING_FIELDS) {
        if (typeof body[field] === 'string') {
          seen.add(`${field}:${HOSTILE_PAYLOADS.indexOf(body[field] as string)}`);
        }
      }
    }
    // Every payload in every field except `status`, which carries payloads in half of the tasks.
    assert.ok(seen.size >= (STRING_FIELDS.length - 1) * HOSTILE_PAYLOADS.length, `${seen.size} combinations`);
  });

  for (let n = 0; n < HOSTILE_PAYLOADS.length; n++) {
    it(`task ${n}: parsed, shown and stored safely`, () => {
      const body: unknown = JSON.parse(JSON.stringify(hostileTask(n)));
      const snapshot = parseTaskSnapshot(body);
      const task: TrackedTask = { id: `hostile-${n}`, addedAt: 1, snapshot, checkedAt: 2 };

      const model = createPreviewModel(task, (raw) => vetMediaUrl(raw, 'http://127.0.0.1:8080'), { generated: [] });
      for (const url of [model.videoUrl, model.posterUrl]) {
        assert.ok(url === undefined || /^(https:\/\/|http:\/\/127\.0\.0\.1[:/])/.test(url), `refused: ${url}`);
        assert.ok(url === undefined || !url.includes('@'), 'no credentials in media URLs');
      }

      const description = describeTask(task, 3);
      assert.ok(description.length <= 200, `the tree line stays short (${description.length})`);
      assert.doesNotMatch(description, INVISIBLE);
      for (const [label, value] of tooltipLines(task)) {
        assert.ok(value.length <= 300, `${label} is cut (${value.length})`);
        assert.doesNotMatch(value, INVISIBLE, `${label} has no control or bidi characters`);
      }

      const stored = restoreTasks(JSON.parse(JSON.stringify(serializeTasks([task]))));
      assert.deepEqual(stored.tasks, [task], 'stored and reloaded unchanged');
    });
  }

  it('the preview page takes from API text only vetted media origins: the rest arrives later as textContent', () => {
    let vetted = 0;
    for (let n = 0; n < HOSTILE_PAYLOADS.length; n++) {
      const payload = HOSTILE_PAYLOADS[n];
      // A finished task whose media URLs carry the payload where a URL can (the query) and where it cannot (the host).
      const body = {
        ...(hostileTask(n) as object),
        status: 'completed',
        video_url: `https://cdn.example.com/v.mp4?q=${encodeURIComponent(payload)}`,
        thumbnail_url: `https://${payload}.example.com/p.jpg`,
      };
      const task: TrackedTask = { id: `hostile-${n}`, addedAt: 1, snapshot: parseTaskSnapshot(body) };
      // The one way API text reaches the page itself: the origins of the task's video and poster, in the CSP.
      const origins = mediaOrigins(task, (raw) => vetMediaUrl(raw, 'http://127.0.0.1:8080'));
      vetted += origins.length;
      for (const origin of origins) {
        assert.match(origin, /^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/127\.0\.0\.1(:\d+)?)$/, `a bare origin: ${origin}`);
      }
      const html = renderPreviewHtml({ cspSource: 'https://w', scriptUri: 'https://w/p.js', styleUris: ['https://w/p.css'], iconSprite: '', mediaOrigins: origins, language: 'en' });
      for (const payload of HOSTILE_PAYLOADS.filter((text) => text.length > 20)) {
        assert.ok(!html.includes(payload), payload.slice(0, 40));
      }
    }
    assert.ok(vetted >= HOSTILE_PAYLOADS.length, `${vetted} origins reached the page`);
  });
});

import * as assert from 'node:assert/strict';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { renderCompareHtml } from '../../src/compare/compareHtml';
import { compareOrigins, compareSides } from '../../src/compare/compareModel';
import { diffPrompts, type DiffPart } from '../../src/compare/promptDiff';
import { isCompareMessage } from '../../src/compare/protocol';
import { renderGalleryHtml } from '../../src/gallery/galleryHtml';
import { galleryCards, galleryModels, galleryOrigins } from '../../src/gallery/galleryModel';
import { isGalleryMessage } from '../../src/gallery/protocol';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { snapshot } from './helpers/fakes';

const vetMedia = (raw: string | undefined) => vetMediaUrl(raw, 'https://www.anyapi.vip');
const noCopy = (): undefined => undefined;
const MINUTE = 60_000;

function finished(id: string, extra: Partial<NonNullable<TrackedTask['snapshot']>> = {}, task: Partial<TrackedTask> = {}): TrackedTask {
  return { id, addedAt: 1, snapshot: snapshot('succeeded', { videoUrl: `https://cdn.example/${id}.mp4`, model: 'veo3', ...extra }), ...task };
}

/** A page's Content-Security-Policy, unescaped. */
function csp(html: string): string {
  const match = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(match, 'the page has a CSP');
  return match[1].replace(/&#39;/g, "'");
}

/** The marked runs of one side, joined: what a reader sees highlighted. */
function marked(parts: readonly DiffPart[]): string[] {
  return parts.filter((part) => part.changed).map((part) => part.text.trim());
}

describe('Gallery', () => {
  it('shows every finished task, newest first, with vetted media only', () => {
    const cards = galleryCards(
      [
        finished('old', { completedAt: 1000, prompt: 'a cat' }),
        finished('new', { completedAt: 5000, thumbnailUrl: 'https://img.example/t.jpg', model: 'sora-2' }, { label: 'Sunset', request: { model: 'sora-2', prompt: 'x', duration: 8 } }),
        finished('bad', { completedAt: 3000, videoUrl: 'javascript:alert(1)', thumbnailUrl: 'https://img.example/x.jpg' }),
        { id: 'failed', addedAt: 2000, snapshot: snapshot('failed', { model: 'veo3', error: 'policy' }) },
        { id: 'running', addedAt: 9000, snapshot: snapshot('running', { model: 'veo3' }) },
      ],
      vetMedia,
      noCopy,
    );
    assert.deepEqual(cards.map((card) => card.id), ['new', 'bad', 'failed', 'old'], 'finished only, newest first');
    assert.equal(cards[0].name, 'Sunset');
    assert.equal(cards[0].seconds, 8);
    assert.equal(cards[0].posterUrl, 'https://img.example/t.jpg');
    assert.equal(cards[1].videoUrl, undefined, 'an unsafe URL is not played');
    assert.equal(cards[1].posterUrl, undefined, 'no poster without a video');
    assert.equal(cards[2].statusLabel, 'Failed');
    assert.equal(cards[2].icon, 'error');
    assert.deepEqual(galleryModels(cards), ['sora-2', 'veo3']);
  });

  it('plays a kept copy first, shortens long prompts, and lets its CSP load only what the cards show', () => {
    const long = 'word '.repeat(5000);
    const tasks = [finished('a', { prompt: long }, { localVideo: 'a.mp4' }), finished('b', { thumbnailUrl: 'https://img.example/b.jpg' }), { id: 'r', addedAt: 1, snapshot: snapshot('running', { videoUrl: 'https://other.example/r.mp4' }) }];
    const [a] = galleryCards(tasks, vetMedia, (task) => (task.localVideo === undefined ? undefined : 'https://webview.example/a.mp4'));
    assert.equal(a.videoUrl, 'https://webview.example/a.mp4');
    assert.ok((a.prompt ?? '').length <= 400);
    assert.deepEqual(galleryOrigins(tasks, vetMedia, 'https://webview.example'), ['https://cdn.example', 'https://img.example', 'https://webview.example']);
    assert.deepEqual(galleryOrigins([tasks[1]], vetMedia, 'https://webview.example'), ['https://cdn.example', 'https://img.example'], 'no kept copy: the webview origin is not added');
  });

  it('keeps its page free of API data, with a strict CSP', () => {
    const html = renderGalleryHtml({ cspSource: 'https://w', scriptUri: 'https://w/g.js', styleUris: ['https://w/c.css', 'https://w/g.css'], iconSprite: '', mediaOrigins: ['https://cdn.example'], language: 'zh-cn' });
    assert.match(csp(html), /^default-src 'none'; style-src https:\/\/w; script-src 'nonce-[^']+'; img-src https:\/\/w https:\/\/cdn\.example; media-src https:\/\/cdn\.example$/);
    assert.match(html, /role="listbox"/);
    assert.match(html, /<main>/);
    assert.match(html, /lang="zh-cn"/);
  });

  it('takes only well-formed messages from its page', () => {
    assert.ok(isGalleryMessage({ type: 'open', taskId: 'a' }));
    assert.ok(isGalleryMessage({ type: 'compare', taskIds: ['a', 'b'] }));
    assert.ok(!isGalleryMessage({ type: 'compare', taskIds: ['a'] }));
    assert.ok(!isGalleryMessage({ type: 'compare', taskIds: ['a', 2] }));
    assert.ok(!isGalleryMessage({ type: 'open' }));
    assert.ok(!isGalleryMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }));
    assert.ok(!isGalleryMessage(null));
  });
});

describe('Compare', () => {
  it('marks the words only one prompt has', () => {
    const { left, right } = diffPrompts('A red fox runs through the snow at dawn', 'A red fox walks through the deep snow at dusk');
    assert.deepEqual(marked(left), ['runs', 'dawn']);
    assert.deepEqual(marked(right), ['walks', 'deep', 'dusk']);
    assert.ok(right.every((part) => !part.changed || part.text === part.text.trim()), 'the space after a changed word is not marked');
    assert.equal(left.map((part) => part.text).join(''), 'A red fox runs through the snow at dawn', 'the runs give back the prompt');
    assert.equal(right.map((part) => part.text).join(''), 'A red fox walks through the deep snow at dusk');
  });

  it('marks nothing in the same prompt, everything in unrelated ones, and survives hostile lengths cheaply', () => {
    assert.deepEqual(marked(diffPrompts('same words here', 'same words here').left), []);
    assert.deepEqual(marked(diffPrompts('', 'new').right), ['new']);
    const a = Array.from({ length: 4000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `b${i}`).join(' ');
    const started = Date.now();
    const { left, right } = diffPrompts(`start ${a} end`, `start ${b} end`);
    assert.ok(Date.now() - started < 1000, 'the common start and end only, above the limit');
    assert.deepEqual(left.map((part) => part.changed), [false, true, false]);
    assert.deepEqual(right.map((part) => part.changed), [false, true, false]);
  });

  it('shows both tasks with their videos, what they were made with, and the prompt differences', () => {
    const a = finished('a', { prompt: 'a cat on a boat', createdAt: 0, completedAt: 3 * MINUTE }, { request: { model: 'veo3', prompt: 'a cat on a boat', duration: 8, size: '1280x720' } });
    const b = finished('b', { prompt: 'a dog on a boat', videoUrl: 'http://10.0.0.1/v.mp4' }, { label: 'Dog' });
    const [left, right] = compareSides([a, b], vetMedia, noCopy);
    assert.equal(left.videoUrl, 'https://cdn.example/a.mp4');
    assert.equal(right.videoUrl, undefined, 'a LAN URL is not played');
    assert.equal(right.name, 'Dog');
    assert.deepEqual(marked(left.prompt ?? []), ['cat']);
    assert.deepEqual(marked(right.prompt ?? []), ['dog']);
    const details = new Map(left.details.map(({ label, value }) => [label, value]));
    assert.equal(details.get('Size'), '1280x720');
    assert.equal(details.get('Length asked for'), '8 s');
    assert.equal(details.get('Took'), '3 min');
    assert.deepEqual(compareOrigins([a, b], vetMedia, 'https://w'), ['https://cdn.example']);
  });

  it('shows one prompt as is when the other is not known', () => {
    const [left, right] = compareSides([finished('a', { prompt: 'only here' }), finished('b')], vetMedia, noCopy);
    assert.deepEqual(left.prompt, [{ text: 'only here', changed: false }]);
    assert.equal(right.prompt, undefined);
  });

  it('keeps its page free of API data and takes only well-formed messages', () => {
    const html = renderCompareHtml({ cspSource: 'https://w', scriptUri: 'https://w/c.js', styleUris: ['https://w/c.css'], iconSprite: '', mediaOrigins: [], language: 'en' });
    assert.match(csp(html), /media-src 'none'/);
    assert.equal((html.match(/<video /g) ?? []).length, 2);
    assert.ok(isCompareMessage({ type: 'open', side: 1 }));
    assert.ok(!isCompareMessage({ type: 'open', side: 2 }));
    assert.ok(!isCompareMessage({ type: 'open', taskId: 'x' }));
  });
});

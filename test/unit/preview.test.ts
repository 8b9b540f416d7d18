import * as assert from 'node:assert/strict';
import { vetMediaUrl } from '../../src/api/mediaUrl';
import { renderPreviewHtml } from '../../src/preview/previewHtml';
import { createPreviewModel, mediaOrigins } from '../../src/preview/previewModel';
import { isWebviewMessage } from '../../src/preview/protocol';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { STATUS_ICONS } from '../../src/views/taskPresentation';
import { snapshot } from './helpers/fakes';

/** The rules for a public gateway, as most users have. */
const vetMedia = (raw: string | undefined) => vetMediaUrl(raw, 'https://www.anyapi.vip');
const NO_LINEAGE = { generated: [] };

function task(extra: Partial<TrackedTask['snapshot']> & { status?: 'succeeded' | 'running' | 'failed' } = {}): TrackedTask {
  const { status = 'succeeded', ...rest } = extra;
  return { id: 'grok:abc', addedAt: 1, snapshot: snapshot(status, rest) };
}

describe('createPreviewModel', () => {
  it('plays a vetted video with its poster and shows the prompts', () => {
    const model = createPreviewModel(task({ videoUrl: 'https://cdn.example/v.mp4', thumbnailUrl: 'https://img.example/t.jpg', enhancedPrompt: 'E', prompt: 'P' }), vetMedia, NO_LINEAGE);
    assert.equal(model.videoUrl, 'https://cdn.example/v.mp4');
    assert.equal(model.posterUrl, 'https://img.example/t.jpg');
    assert.equal(model.enhancedPrompt, 'E');
    assert.equal(model.prompt, 'P');
    assert.equal(model.videoRefused, undefined);
  });

  it('refuses an unsafe video URL and says so', () => {
    const model = createPreviewModel(task({ videoUrl: 'javascript:alert(1)', thumbnailUrl: 'data:image/png;base64,AA' }), vetMedia, NO_LINEAGE);
    assert.equal(model.videoUrl, undefined);
    assert.equal(model.posterUrl, undefined);
    assert.match(model.videoRefused ?? '', /not a public https address/);
  });

  it('shows the failure reason of a failed task', () => {
    const model = createPreviewModel(task({ status: 'failed', error: 'content policy' }), vetMedia, NO_LINEAGE);
    assert.equal(model.error, 'content policy');
    assert.equal(model.statusLabel, 'Failed');
  });

  it('lists only vetted media origins for the CSP', () => {
    assert.deepEqual(
      mediaOrigins(task({ videoUrl: 'https://cdn.example/v.mp4', thumbnailUrl: 'https://cdn.example/t.jpg' }), vetMedia),
      ['https://cdn.example'],
    );
    assert.deepEqual(mediaOrigins(task({ videoUrl: 'javascript:alert(1)' }), vetMedia), []);
  });
});

describe('renderPreviewHtml', () => {
  const options = {
    cspSource: 'https://webview.example',
    scriptUri: 'https://webview.example/media/preview.js',
    styleUris: ['https://webview.example/media/common.css', 'https://webview.example/media/preview.css'],
    iconSprite: '<svg class="icon-sprite"></svg>',
    mediaOrigins: ['https://cdn.example'],
    language: 'en',
  };

  function csp(html: string): string {
    const match = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    assert.ok(match, 'the page has a CSP');
    return match[1].replace(/&#39;/g, "'");
  }

  it('has a strict CSP: nothing by default, our script by nonce, media from the vetted origin only', () => {
    const html = renderPreviewHtml(options);
    const policy = csp(html);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
    assert.match(policy, /media-src https:\/\/cdn\.example(;|$)/);
    assert.match(policy, /img-src https:\/\/webview\.example https:\/\/cdn\.example/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://webview.example/media/preview.js">`));
    assert.equal(html.match(/<script/g)?.length, 1, 'exactly one script');
  });

  it('escapes a media source once: a local copy’s `\'self\' https://*.vscode-cdn.net` stays a valid source list', () => {
    const policy = csp(renderPreviewHtml({ ...options, mediaOrigins: ["'self' https://*.vscode-cdn.net"] }));
    assert.match(policy, /media-src 'self' https:\/\/\*\.vscode-cdn\.net(;|$)/);
    assert.doesNotMatch(policy, /&/, 'no entity is left in the policy the browser reads');
  });

  it('uses a fresh nonce every time', () => {
    assert.notEqual(csp(renderPreviewHtml(options)), csp(renderPreviewHtml(options)));
  });

  it('allows no media at all when there is no vetted URL', () => {
    assert.match(csp(renderPreviewHtml({ ...options, mediaOrigins: [] })), /media-src 'none'/);
  });

  it('escapes what goes into attributes', () => {
    const html = renderPreviewHtml({ ...options, mediaOrigins: ['https://a.example"><script>alert(1)</script>'] });
    assert.equal(html.match(/<script/g)?.length, 1);
  });
});

describe('isWebviewMessage', () => {
  it('accepts the protocol and nothing else', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'copyPrompt' }));
    for (const message of [null, 'ready', {}, { type: 'runCommand' }, { type: 42 }, { type: '__proto__' }]) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
  });
});

describe('preview codicons', () => {
  // scripts/codiconSprite.js copies only the codicons the preview draws; one missing would be an empty square.
  const { WEBVIEW_CODICONS } = require('../../../scripts/codiconSprite.js') as { WEBVIEW_CODICONS: readonly string[] };

  it('ships every status icon the tree can show', () => {
    const needed = Object.values(STATUS_ICONS).map((icon) => icon.id.split('~')[0]);
    assert.deepEqual(needed.filter((id) => !WEBVIEW_CODICONS.includes(id)), []);
  });

  it('ships every codicon the page names', () => {
    const html = renderPreviewHtml({
      cspSource: 'https://w',
      scriptUri: 'https://w/p.js',
      styleUris: ['https://w/p.css'],
      iconSprite: '',
      mediaOrigins: [],
      language: 'en',
    });
    const named = [...html.matchAll(/codicon-([\w-]+)/g)].map((match) => match[1]);
    assert.ok(named.length >= 4, named.join());
    assert.deepEqual(named.filter((id) => !WEBVIEW_CODICONS.includes(id)), []);
  });
});

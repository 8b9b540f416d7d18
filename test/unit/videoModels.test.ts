import * as assert from 'node:assert/strict';
import { checkModelName, parseImageUrls, VIDEO_MODELS } from '../../src/create/videoModels';

describe('video models', () => {
  it('knows the documented models and their options', () => {
    assert.deepEqual(Object.keys(VIDEO_MODELS), ['grok-video-3', 'veo3.1-fast', 'veo3', 'sora-2', 'sora-2-pro', 'jimeng-video-3.0']);
    assert.deepEqual(VIDEO_MODELS['grok-video-3'].aspectRatios, ['2:3', '3:2', '1:1']);
    assert.equal(VIDEO_MODELS.veo3.veoFlags, true);
  });

  it('checks typed model names', () => {
    assert.equal(checkModelName('kling-v2.1'), undefined);
    assert.match(checkModelName('') ?? '', /Enter a model name/);
    assert.match(checkModelName('<script>') ?? '', /only letters/);
  });

  it('reads reference image URLs: https only, within the limit', () => {
    assert.deepEqual(parseImageUrls('https://a.example/1.png, https://b.example/2.jpg', 3), { urls: ['https://a.example/1.png', 'https://b.example/2.jpg'] });
    assert.deepEqual(parseImageUrls('', 3), { urls: [] });
    assert.match(JSON.stringify(parseImageUrls('http://a.example/1.png', 3)), /not an https URL/);
    assert.match(JSON.stringify(parseImageUrls('https://a/1 https://a/2 https://a/3 https://a/4', 3)), /at most 3/);
  });
});

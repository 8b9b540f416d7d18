import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_RAW_ANSWER_CHARS, RawAnswers } from '../../src/tasks/rawAnswers';
import { MemoryLogger } from './helpers/fakes';

describe('RawAnswers: the last answer per task, in a file of its own', () => {
  let folder: string;
  let answers: RawAnswers;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-raw-'));
    answers = new RawAnswers(path.join(folder, 'answers'), new MemoryLogger());
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the last answer pretty-printed, one file per task, and reads it back', async () => {
    await answers.record('grok:a', 200, '{"status":"pending"}', 'sk-secret');
    await answers.record('grok:a', 200, '{"status":"completed","video_url":"https://cdn.example/v.mp4"}', 'sk-secret');
    await answers.record('veo:b', 404, 'Not Found', 'sk-secret');
    const a = await answers.read('grok:a');
    assert.equal(a?.httpStatus, 200);
    assert.equal(a?.text, '{\n  "status": "completed",\n  "video_url": "https://cdn.example/v.mp4"\n}');
    assert.equal((await answers.read('veo:b'))?.text, 'Not Found', 'text that is not JSON is kept as sent');
    assert.deepEqual(fs.readdirSync(path.join(folder, 'answers')).sort(), ['grok%3Aa.json', 'veo%3Ab.json']);
  });

  it('never writes the key, even when the gateway echoes it', async () => {
    await answers.record('t', 401, '{"error":{"message":"invalid token sk-secret-123 (request id: x)"}}', 'sk-secret-123');
    const file = fs.readFileSync(path.join(folder, 'answers', 't.json'), 'utf8');
    assert.doesNotMatch(file, /sk-secret-123/);
    assert.match((await answers.read('t'))?.text ?? '', /invalid token \*\*\* \(request id/);
  });

  it('caps a huge answer, and writes an unchanged answer only once', async () => {
    await answers.record('t', 200, JSON.stringify({ status: 'running', prompt: 'x'.repeat(200_000) }), 'k');
    const text = (await answers.read('t'))?.text ?? '';
    assert.equal(text.length, MAX_RAW_ANSWER_CHARS + 2, 'cut, with a line that says so');
    assert.ok(text.endsWith('\n…'));
    const file = path.join(folder, 'answers', 't.json');
    const before = fs.statSync(file).mtimeMs;
    fs.utimesSync(file, new Date(0), new Date(0));
    await answers.record('t', 200, JSON.stringify({ status: 'running', prompt: 'x'.repeat(200_000) }), 'k');
    assert.equal(fs.statSync(file).mtimeMs, 0, 'the same answer was not written again');
    assert.ok(before > 0);
  });

  it('removes a task’s answer with the task, and reads nothing for a task without one', async () => {
    await answers.record('t', 200, '{}', 'k');
    await answers.remove(['t', 'never-seen']);
    assert.equal(await answers.read('t'), undefined);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'answers')), []);
  });
});

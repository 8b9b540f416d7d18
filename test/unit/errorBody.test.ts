import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeErrorBody, htmlTitle } from '../../src/api/errorBody';

/** A 502 page built to make a backtracking `<title[^>]*>` pattern run for minutes: `<html>` and 1 MiB of `<title`. */
function adversarialPage(): string {
  return `<html>${'<title'.repeat(Math.floor((1024 * 1024 - 64) / 6))}`;
}

/**
 * Runs `describeErrorBody` on the adversarial page in a worker thread and
 * resolves with what it said, or rejects when it has not finished within
 * `limitMs`. The limit is a bound on work (the old pattern needed minutes),
 * not a timing to compare against, so a slow machine does not make it flaky.
 */
function describeInWorker(limitMs: number): Promise<string | undefined> {
  const setup = path.join(__dirname, 'setup.js');
  const errorBody = path.join(__dirname, '..', '..', 'src', 'api', 'errorBody.js');
  const code = `
    const { parentPort } = require('node:worker_threads');
    require(${JSON.stringify(setup)});
    const { describeErrorBody } = require(${JSON.stringify(errorBody)});
    const page = '<html>' + '<title'.repeat(${Math.floor((1024 * 1024 - 64) / 6)});
    parentPort.postMessage(describeErrorBody(page, 'text/html'));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`describeErrorBody did not finish a 1 MiB adversarial page within ${limitMs} ms`));
    }, limitMs);
    worker.once('message', (said: string | undefined) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(said);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('Error bodies', () => {
  it('names an HTML page by its title, in any case, with attributes', () => {
    assert.equal(describeErrorBody('<!DOCTYPE html><html><head><TITLE lang="en">502 Bad Gateway</TITLE>', 'text/html'), 'an HTML page: “502 Bad Gateway”');
    assert.equal(htmlTitle('<html><title>\n  Service  Unavailable </title>'), '\n  Service  Unavailable ');
  });

  it('says "an HTML error page" when the title is missing, unclosed or empty', () => {
    for (const page of ['<html><body>oops</body></html>', '<html><title>never closed', '<html><title></title>']) {
      assert.equal(describeErrorBody(page, undefined), 'an HTML error page (probably from a proxy or CDN)', page);
    }
  });

  it('looks for the title only near the top of the page', () => {
    const late = `<html>${' '.repeat(20_000)}<title>Too late</title>`;
    assert.equal(htmlTitle(late), undefined);
  });

  it('reads a 1 MiB adversarial page in bounded time (in a worker, so a hang cannot stall the suite)', async function () {
    this.timeout(20_000);
    assert.ok(adversarialPage().length > 1024 * 1023);
    assert.equal(await describeInWorker(10_000), 'an HTML error page (probably from a proxy or CDN)');
  });

  it('keeps a JSON message to one short line', () => {
    const said = describeErrorBody(JSON.stringify({ error: { message: `bad\n\u202Ekey ${'x'.repeat(5000)}` } }), 'application/json');
    assert.ok(said !== undefined && said.length <= 300 && !said.includes('\n') && !said.includes('\u202E'), said);
  });
});

import * as assert from 'node:assert/strict';
import { describeErrorBody, htmlTitle } from '../../src/api/errorBody';

/** A 502 page built to make a backtracking `<title[^>]*>` pattern run long: `<html>` and repeated `<title` (the 1 MiB one is in boundedWork.test.ts). */
function adversarialPage(): string {
  return `<html>${'<title'.repeat(3000)}`;
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

  it('says what an adversarial page of repeated <title is', () => {
    assert.equal(describeErrorBody(adversarialPage(), 'text/html'), 'an HTML error page (probably from a proxy or CDN)');
  });

  it('keeps a JSON message to one short line', () => {
    const said = describeErrorBody(JSON.stringify({ error: { message: `bad\n\u202Ekey ${'x'.repeat(5000)}` } }), 'application/json');
    assert.ok(said !== undefined && said.length <= 300 && !said.includes('\n') && !said.includes('\u202E'), said);
  });
});

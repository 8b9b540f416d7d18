import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTENSION_ID } from '../../src/commandIds';
import { idsFromTaskLinkQuery, taskLink } from '../../src/tasks/taskLink';

describe('task links', () => {
  it('carries ids with prefixes and punctuation there and back', () => {
    const ids = ['grok:eee6faa8-9dee-455c-aa82-02ac623adf3a', '033fa60e-f37c-4a52-8f4c-1c9a8f0e0d1b', 'sora:task_01.x'];
    const link = taskLink('vscode', EXTENSION_ID, ids);
    assert.match(link, /^vscode:\/\/anyapi\.anyapi-video-tasks\/track\?id=grok%3A/);
    const url = new URL(link);
    assert.equal(url.pathname, '/track');
    assert.deepEqual(idsFromTaskLinkQuery(url.search.slice(1)), ids);
  });

  it('reads several ids from one parameter, and nothing from a link without any', () => {
    assert.deepEqual(idsFromTaskLinkQuery('id=a,b%20c&id=d'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(idsFromTaskLinkQuery('ids=a'), []);
    assert.deepEqual(idsFromTaskLinkQuery(''), []);
  });

  it('uses the extension id VS Code routes links by: publisher.name from package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { publisher: string; name: string };
    assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
  });
});

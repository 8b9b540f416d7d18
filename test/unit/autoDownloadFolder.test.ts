import * as assert from 'node:assert/strict';
import { resolveAutoDownloadFolder } from '../../src/notifications/autoDownloadFolder';

describe('resolveAutoDownloadFolder', () => {
  const workspace = '/home/me/project';
  const home = '/home/me';

  it('is off when empty, and expands ${workspaceFolder} and ~', () => {
    assert.equal(resolveAutoDownloadFolder('  ', workspace, home), undefined);
    assert.deepEqual(resolveAutoDownloadFolder('${workspaceFolder}/videos', workspace, home), { folder: '/home/me/project/videos', within: workspace });
    assert.deepEqual(resolveAutoDownloadFolder('~/Videos', workspace, home), { folder: '/home/me/Videos' });
    assert.deepEqual(resolveAutoDownloadFolder('/tmp/out', undefined, home), { folder: '/tmp/out' });
  });

  it('puts a relative folder inside the workspace, and refuses one that leaves it', () => {
    assert.deepEqual(resolveAutoDownloadFolder('out/videos', workspace, home), { folder: '/home/me/project/out/videos', within: workspace });
    for (const setting of ['..', '../elsewhere', 'videos/../../..', '${workspaceFolder}/../x', '..foo/../../x']) {
      assert.equal(resolveAutoDownloadFolder(setting, workspace, home), undefined, setting);
    }
    assert.deepEqual(resolveAutoDownloadFolder('..foo', workspace, home), { folder: '/home/me/project/..foo', within: workspace }, 'a name that starts with dots is inside');
  });

  it('has nowhere to go for a relative folder without a workspace', () => {
    assert.equal(resolveAutoDownloadFolder('videos', undefined, home), undefined);
    assert.equal(resolveAutoDownloadFolder('${workspaceFolder}/videos', undefined, home), undefined);
  });
});

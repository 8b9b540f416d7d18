import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { isLicenseOk } from 'ovsx';
import { buildVsix } from './harness/buildVsix';
import { REPO_ROOT } from './harness/paths';
import { cleanEnv, run } from './harness/processes';

/** One request the stand-in registry received. */
interface Upload {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/**
 * Open VSX publishes what its CLI, `ovsx`, uploads. Publishing needs
 * open-vsx.org and a token, and the registry's own checks run there; short
 * of that, this runs the checks `ovsx` makes itself and its real upload of
 * the `.vsix`, to a stand-in for the registry's publish endpoint on 127.0.0.1.
 */
describe('Open VSX: the ovsx CLI takes the package', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };

  it('passes the manifest and license checks ovsx makes before it packages a folder', async () => {
    assert.equal(await isLicenseOk(REPO_ROOT), true);
  });

  it('uploads the .vsix unchanged with `ovsx publish`, and reports it published', async () => {
    const vsix = await buildVsix();
    const uploads: Upload[] = [];
    const registry = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        uploads.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
        // The fields of Open VSX's answer that ovsx prints.
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' }));
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = registry.address() as AddressInfo;
      const ovsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'ovsx');
      const output = await run(ovsx, ['publish', vsix, '--registryUrl', `http://127.0.0.1:${port}`, '--pat', 'stand-in-token'], { env: cleanEnv() });
      assert.match(output, new RegExp(`Published ${manifest.publisher}\\.${manifest.name} v${manifest.version.replaceAll('.', '\\.')}`));
      assert.equal(uploads.length, 1, 'one request: the upload');
      assert.equal(uploads[0].method, 'POST');
      assert.equal(uploads[0].url, '/api/-/publish?token=stand-in-token');
      assert.equal(uploads[0].contentType, 'application/octet-stream');
      assert.ok(uploads[0].body.equals(fs.readFileSync(vsix)), 'the registry received the .vsix byte for byte');
    } finally {
      await new Promise<void>((resolve) => registry.close(() => resolve()));
    }
  });
});

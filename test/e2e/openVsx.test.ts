import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { isLicenseOk } from 'ovsx';
import { buildVsix } from './harness/buildVsix';
import { REPO_ROOT } from './harness/paths';
import { cleanEnv, run } from './harness/processes';
import { zipEntries } from './harness/zipEntries';

interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly engines?: { readonly vscode?: string };
}

/** One request the stand-in registry received, and the package it unpacked from it. */
interface Upload {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
  readonly files: readonly string[];
  readonly manifest: Manifest;
}

/**
 * Open VSX publishes what its CLI, `ovsx`, uploads, and runs its own checks
 * on the registry, which needs the network and a token. Short of that, this
 * runs the checks `ovsx` makes itself, and its real upload to a stand-in for
 * the registry's publish endpoint on 127.0.0.1 that, like the registry,
 * answers from the package it received.
 */
describe('Open VSX: the ovsx CLI takes the package', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

  it('passes the checks ovsx makes before it packages the folder: publisher, name, version and a license', async () => {
    assert.equal(await isLicenseOk(REPO_ROOT), true);
  });

  it('uploads the .vsix unchanged with `ovsx publish`: a package with its manifest, license and engines', async () => {
    const vsix = await buildVsix();
    const uploads: Upload[] = [];
    const registry = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        try {
          const files = zipEntries(body);
          const uploaded = JSON.parse(files.get('extension/package.json')?.toString('utf8') ?? 'null') as Manifest;
          uploads.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'], body, files: [...files.keys()], manifest: uploaded });
          response.writeHead(201, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ namespace: uploaded.publisher, name: uploaded.name, version: uploaded.version, targetPlatform: 'universal' }));
        } catch (error) {
          response.writeHead(400, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ error: `Not an extension package: ${String(error)}` }));
        }
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = registry.address() as AddressInfo;
      const ovsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'ovsx');
      const output = await run(ovsx, ['publish', vsix, '--registryUrl', `http://127.0.0.1:${port}`, '--pat', 'stand-in-token'], { env: cleanEnv() });
      assert.equal(uploads.length, 1, 'one request: the upload');
      const [upload] = uploads;
      assert.equal(upload.method, 'POST');
      assert.equal(upload.url, '/api/-/publish?token=stand-in-token');
      assert.equal(upload.contentType, 'application/octet-stream');
      assert.ok(upload.body.equals(fs.readFileSync(vsix)), 'the registry received the .vsix byte for byte');
      assert.deepEqual(
        [upload.manifest.publisher, upload.manifest.name, upload.manifest.version, upload.manifest.engines?.vscode],
        [manifest.publisher, manifest.name, manifest.version, manifest.engines?.vscode],
      );
      // The registry refuses a package without a license.
      assert.equal(upload.manifest.license, 'MIT');
      assert.ok(upload.files.includes('extension/LICENSE.txt'), `the license text is in the package: ${upload.files.join(', ')}`);
      assert.match(output, new RegExp(`Published ${manifest.publisher}\\.${manifest.name} v${manifest.version.replaceAll('.', '\\.')}`));
    } finally {
      await new Promise<void>((resolve) => registry.close(() => resolve()));
    }
  });
});

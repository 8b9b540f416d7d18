// Bundles the extension in the shape of the official esbuild sample:
// `--production` minifies and drops source maps, `--watch` rebuilds on change.
// The preview's icon sprite is scripts/codiconSprite.js's job.
// Type checking is a separate step (`npm run typecheck`).
const fs = require('node:fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The parts of undici the extension uses (src/api/undiciParts.ts), the
 * gateway client (src/api/videoApiClient.ts) and the commands not needed to
 * show tasks (src/features) are bundled on their own into dist/undici.js,
 * dist/client.js and dist/features.js, and required on first use, so
 * activation loads a small file.
 * @type {import('esbuild').Plugin}
 */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /\/undiciParts$/ }, () => ({ path: './undici.js', external: true }));
    build.onResolve({ filter: /\/videoApiClient$/ }, () => ({ path: './client.js', external: true }));
    build.onResolve({ filter: /\/features\/index$/ }, () => ({ path: './features.js', external: true }));
  },
};

/**
 * esbuild wraps every namespace import of an external CommonJS module
 * (`import * as vscode from 'vscode'`, `import * as fs from 'node:fs'`) in
 * its own copy of the whole module object, one getter per member. With the
 * 300-member `vscode` API imported by 16 files, that was 13 of the 20 ms a
 * CPU profile of the extension host showed for loading dist/extension.js
 * (docs/PERFORMANCE.md). Each such module is re-exported
 * once instead, and every file shares that one copy.
 * @type {import('esbuild').Plugin}
 */
const oneCopyOfExternals = {
  name: 'one-copy-of-externals',
  setup(build) {
    build.onResolve({ filter: /^(vscode|node:.+)$/ }, ({ path, namespace }) =>
      namespace === 'external-once' ? { path, external: true } : { path, namespace: 'external-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'external-once' }, ({ path }) => ({ contents: `export * from '${path}';`, loader: 'js' }));
  },
};

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

async function main() {
  if (!watch) {
    // A stale source map or bundle from another mode must not end up in the .vsix.
    fs.rmSync('dist', { recursive: true, force: true });
  }
  const contexts = await Promise.all([
    esbuild.context({
      ...shared,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      plugins: [...shared.plugins, lazyBundles, oneCopyOfExternals],
    }),
    esbuild.context({
      ...shared,
      entryPoints: { undici: 'src/api/undiciParts.ts' },
      outdir: 'dist',
    }),
    esbuild.context({
      ...shared,
      entryPoints: { client: 'src/api/videoApiClient.ts' },
      outdir: 'dist',
      plugins: [...shared.plugins, lazyBundles, oneCopyOfExternals],
    }),
    esbuild.context({
      ...shared,
      entryPoints: { features: 'src/features/index.ts' },
      outdir: 'dist',
      plugins: [...shared.plugins, lazyBundles, oneCopyOfExternals],
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

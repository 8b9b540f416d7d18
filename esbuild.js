// Bundles the extension in the shape of the official esbuild sample:
// `--production` minifies and drops source maps, `--watch` rebuilds on change.
// The preview's icon sprite is scripts/codiconSprite.js's job.
// Type checking is a separate step (`npm run typecheck`).
const fs = require('node:fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * undici and the commands not needed to show tasks (src/features) are
 * bundled on their own into dist/undici.js and dist/features.js, and
 * required on first use, so activation loads a small file.
 * @type {import('esbuild').Plugin}
 */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
    build.onResolve({ filter: /\/features\/index$/ }, () => ({ path: './features.js', external: true }));
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
      external: ['vscode'],
      plugins: [...shared.plugins, lazyBundles],
    }),
    esbuild.context({
      ...shared,
      entryPoints: { undici: require.resolve('undici') },
      outdir: 'dist',
    }),
    esbuild.context({
      ...shared,
      entryPoints: { features: 'src/features/index.ts' },
      outdir: 'dist',
      external: ['vscode'],
      plugins: [...shared.plugins, lazyBundles],
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

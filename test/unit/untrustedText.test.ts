import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { checkTaskId } from '../../src/api/taskId';
import { plainLabel, plainText } from '../../src/untrustedText';
import { HOSTILE_PAYLOADS } from '../fakeGateway/hostilePayloads';

/**
 * The link syntax VS Code renders in notification and quick input messages
 * (`src/vs/base/common/linkedText.ts`): `[label](target)` whose target starts
 * with http(s)://, command: or file:, with nothing between `]` and `(`.
 */
const VSCODE_MESSAGE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

const links = (text: string): string[] => [...text.matchAll(VSCODE_MESSAGE_LINK)].map((match) => match[2]);

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every call of `<something>.<method>(…)` in `src/`, as `file:line`. */
function callsOf(methods: readonly string[]): { file: string; where: string }[] {
  const calls: { file: string; where: string }[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && methods.includes(node.name.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        calls.push({ file: path.relative(ROOT, file), where: `${path.relative(ROOT, file)}:${line}` });
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return calls;
}

describe('Text from outside on VS Code surfaces', () => {
  it('the oracle finds the link a gateway sent (guards the tests below)', () => {
    assert.deepEqual(links('Renew your plan: [Renew your plan](command:workbench.action.quit)'), ['command:workbench.action.quit']);
  });

  it('leaves no link in a failure reason or a 401 body that carries one', () => {
    const reasons = [
      '[Renew your plan](command:workbench.action.quit)',
      'The gateway rejected the API key (HTTP 401): [Renew your plan](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
      '[docs](https://evil.example/phish "Official docs") and [file](file:///etc/passwd)',
      '[x](command:a)[y](command:b)',
    ];
    for (const reason of reasons) {
      const shown = plainText(reason);
      assert.deepEqual(links(shown), [], shown);
      assert.match(shown, /Renew your plan|docs|x/, 'the words stay readable');
    }
  });

  it('leaves no link, control or bidi character in any hostile payload', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      const shown = plainText(payload);
      assert.deepEqual(links(shown), [], shown.slice(0, 80));
      assert.doesNotMatch(shown, /\bcommand:/i);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(shown, /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('keeps `$(name)` as text where VS Code would draw an icon', () => {
    assert.equal(plainLabel('$(warning) Verified by the gateway'), '\\$(warning) Verified by the gateway');
    assert.equal(plainLabel('Ready'), 'Ready');
  });

  it('every notification, progress notification and status bar message goes through the one helper that neutralises links', () => {
    const calls = callsOf(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage', 'withProgress']);
    const helper = path.join('src', 'notifications', 'notify.ts');
    assert.ok(calls.filter((call) => call.file === helper).length >= 4, 'the scan finds the helper’s own calls');
    assert.deepEqual(
      calls.filter((call) => call.file !== helper).map((call) => call.where),
      [],
      'call notify.info/warning/error/ask/progress/flash instead',
    );
  });

  it('an id from any source passes the same check: letters, digits and -_.: only', () => {
    for (const id of ['033fa60e-f37c-4ff6-a44d-5585ffea938d', 'grok:eee6faa8-9dee-455c-aa82-02ac623adf3a', 'veo3.1-components:1762241017-xTL0P9HvGF', 'task_01JX']) {
      assert.equal(checkTaskId(id), undefined, id);
    }
    for (const id of ['[x](command:y)', '<b>', 'a b', 'a/b', '$(alert)', 'x\u202Ey', '-leading-dash', 'x'.repeat(201)]) {
      assert.notEqual(checkTaskId(id), undefined, id);
    }
  });
});

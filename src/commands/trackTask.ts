import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { notify } from '../notifications/notify';
import { parseTaskIds } from '../tasks/parseTaskIds';
import { MAX_TRACKED_TASKS, type TaskStore } from '../tasks/taskStore';
import { plainText } from '../untrustedText';
import type { CommandDeps, Handlers } from './commandDeps';

/** Ids that arrive as an argument (a link, a file, a `command:` link) are listed in a question when there are more than this. */
const IDS_WITHOUT_QUESTION = 3;
/** The most ids listed in that question; the rest are counted. */
const IDS_LISTED = 20;

/**
 * "Track Video Task": asks for ids (or takes them as an argument), tracks the
 * new ones, reveals them all. Ids the user did not type come from someone
 * else's text, so more than a few are listed in a question first.
 */
export function trackTaskHandlers({ store, treeView, apiKeys }: CommandDeps): Handlers<typeof CommandId.trackTask> {
  const track = async (input?: unknown): Promise<void> => {
    const given = typeof input === 'string' ? input : Array.isArray(input) ? input.join(' ') : undefined;
    const text = given ?? (await askForIds(store));
    if (text === undefined) {
      return;
    }
    const parsed = parseTaskIds(text);
    if ('error' in parsed) {
      void notify.error(parsed.error);
      return;
    }
    const fresh = parsed.ids.filter((id) => store.get(id) === undefined);
    if (given !== undefined && fresh.length > IDS_WITHOUT_QUESTION && !(await confirmMany(fresh))) {
      return;
    }
    const { added, existing, overLimit } = store.add(parsed.ids);
    if (overLimit > 0) {
      const removeFinished = vscode.l10n.t('Remove Finished Tasks');
      const choice = await notify.error(
        vscode.l10n.t('Nothing was tracked: {0} more would make {1}, and at most {2} tasks can be tracked at once.', overLimit, store.size + overLimit, MAX_TRACKED_TASKS),
        removeFinished,
      );
      if (choice === removeFinished) {
        await vscode.commands.executeCommand(CommandId.clearFinished);
      }
      return;
    }
    const first = added[0] ?? existing[0];
    if (first !== undefined) {
      await treeView.reveal(first);
    }
    if (existing.length > 0) {
      void notify.info(
        existing.length === 1
          ? vscode.l10n.t('Task {0} is already tracked.', existing[0])
          : vscode.l10n.t('{0} of these tasks are already tracked.', existing.length),
      );
    }
    if (added.length > 0 && apiKeys.current === undefined) {
      const setKey = vscode.l10n.t('Set API Key');
      const choice = await notify.warning(
        vscode.l10n.t('Tracking started, but no API key is set, so the status cannot be checked yet.'),
        setKey,
      );
      if (choice === setKey) {
        await vscode.commands.executeCommand(CommandId.setApiKey);
      }
    }
  };
  return { [CommandId.trackTask]: track };
}

/** "Track 500 tasks?", with the ids (they passed the id check, so they are plain text). */
async function confirmMany(ids: readonly string[]): Promise<boolean> {
  const track = vscode.l10n.t('Track');
  const listed = ids.slice(0, IDS_LISTED).join('\n');
  const more = ids.length > IDS_LISTED ? `\n${vscode.l10n.t('…and {0} more', ids.length - IDS_LISTED)}` : '';
  const choice = await notify.ask(vscode.l10n.t('Track {0} tasks?', ids.length), `${listed}${more}`, track);
  return choice === track;
}

function askForIds(store: TaskStore): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Track Video Task'),
    prompt: vscode.l10n.t('Task ids from the video API, separated by spaces, commas or new lines; or a pasted JSON response.'),
    placeHolder: 'grok:eee6faa8-9dee-455c-aa82-02ac623adf3a',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseTaskIds(value);
      // The message quotes what was pasted, and input box messages render links.
      return 'error' in parsed ? plainText(parsed.error) : describeInput(parsed.ids, parsed.duplicates, store);
    },
  });
}

/** An informational note under the input box when some ids repeat or are tracked already. */
function describeInput(ids: readonly string[], duplicates: number, store: TaskStore): vscode.InputBoxValidationMessage | undefined {
  const tracked = ids.filter((id) => store.get(id) !== undefined).length;
  const notes: string[] = [];
  if (duplicates > 0) {
    notes.push(duplicates === 1 ? vscode.l10n.t('1 repeated id is tracked once') : vscode.l10n.t('{0} repeated ids are tracked once', duplicates));
  }
  if (tracked > 0) {
    notes.push(tracked === 1 ? vscode.l10n.t('1 id is tracked already') : vscode.l10n.t('{0} ids are tracked already', tracked));
  }
  if (notes.length === 0) {
    return undefined;
  }
  const count = ids.length === 1 ? vscode.l10n.t('1 id') : vscode.l10n.t('{0} ids', ids.length);
  return { message: vscode.l10n.t('{0}: {1}.', count, notes.join(vscode.l10n.t('; '))), severity: vscode.InputBoxValidationSeverity.Info };
}

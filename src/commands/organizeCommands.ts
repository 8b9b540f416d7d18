import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { MAX_LABEL_LENGTH } from '../tasks/persistence';
import { matchesFilter, parseTaskFilter } from '../views/taskFilter';
import type { Grouping } from '../views/taskGrouping';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

const GROUPINGS: readonly Grouping[] = ['none', 'status', 'model'];

function groupingChoice(grouping: Grouping): vscode.QuickPickItem & { grouping: Grouping } {
  switch (grouping) {
    case 'none':
      return { label: vscode.l10n.t('None'), description: vscode.l10n.t('one list, unfinished tasks first'), grouping };
    case 'status':
      return { label: vscode.l10n.t('Status'), description: vscode.l10n.t('running, queued, ready, failed…'), grouping };
    case 'model':
      return { label: vscode.l10n.t('Model'), description: 'grok-video-3, veo3, sora-2…', grouping };
  }
}

/**
 * "Rename…" gives a task a friendly name; "Group By…" arranges the tree by
 * status or model; "Filter Tasks…" shows only the tasks that match.
 */
export function organizeHandlers({
  store,
  treeView,
}: CommandDeps): Handlers<typeof CommandId.renameTask | typeof CommandId.groupBy | typeof CommandId.filterTasks | typeof CommandId.clearFilter> {
  return {
    [CommandId.renameTask]: async (...args: unknown[]) => {
      const [first, given] = args;
      const [id] = await resolveTaskIds(typeof first === 'string' ? [first] : args, store, { placeHolder: vscode.l10n.t('Rename which task?') });
      const task = id === undefined ? undefined : store.get(id);
      if (!task) {
        return;
      }
      // A name passed as an argument is only offered in the box: a command link can pass arguments too.
      const label = await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename {0}', task.id),
        prompt: vscode.l10n.t('A name to show instead of the id. Leave empty to show the id again.'),
        value: typeof given === 'string' ? given.slice(0, MAX_LABEL_LENGTH) : (task.label ?? ''),
        validateInput: (value) => (value.trim().length > MAX_LABEL_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_LABEL_LENGTH) : undefined),
      });
      if (label !== undefined) {
        store.rename(task.id, label.slice(0, MAX_LABEL_LENGTH));
      }
    },
    [CommandId.groupBy]: async (given?: unknown) => {
      const grouping =
        GROUPINGS.find((option) => option === given) ??
        (
          await vscode.window.showQuickPick(
            GROUPINGS.map((option) => ({ ...groupingChoice(option), picked: option === treeView.grouping })),
            { title: vscode.l10n.t('Group By…'), placeHolder: vscode.l10n.t('Arrange the Video Tasks view by…') },
          )
        )?.grouping;
      if (grouping) {
        await treeView.setGrouping(grouping);
      }
    },
    [CommandId.filterTasks]: async (given?: unknown) => {
      // A filter passed as an argument is only offered in the box, like a name.
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Tasks'),
        prompt: vscode.l10n.t('Words to find in the name, id, prompt or model; model:… and status:… narrow it down. Leave empty to show every task.'),
        placeHolder: vscode.l10n.t('e.g. {0}', 'kite model:veo3 status:failed'),
        value: typeof given === 'string' ? given.slice(0, 200) : (treeView.filter?.text ?? ''),
        validateInput: (value) => {
          const parsed = parseTaskFilter(value);
          if ('error' in parsed) {
            return parsed.error;
          }
          const { filter } = parsed;
          const matching = filter === undefined ? store.size : store.all().filter((task) => matchesFilter(task, filter)).length;
          return { message: vscode.l10n.t('{0} of {1} tasks match.', matching, store.size), severity: vscode.InputBoxValidationSeverity.Info };
        },
      });
      const parsed = text === undefined ? undefined : parseTaskFilter(text);
      if (parsed !== undefined && !('error' in parsed)) {
        treeView.setFilter(parsed.filter);
      }
    },
    [CommandId.clearFilter]: () => treeView.setFilter(undefined),
  };
}

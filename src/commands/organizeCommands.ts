import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { MAX_LABEL_LENGTH } from '../tasks/persistence';
import type { Grouping } from '../views/taskGrouping';
import type { CommandDeps, CommandHandlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

const GROUPINGS: readonly { label: string; description: string; grouping: Grouping }[] = [
  { label: 'None', description: 'one list, unfinished tasks first', grouping: 'none' },
  { label: 'Status', description: 'running, queued, ready, failed…', grouping: 'status' },
  { label: 'Model', description: 'grok-video-3, veo3, sora-2…', grouping: 'model' },
];

/** "Rename…" gives a task a friendly name; "Group By…" arranges the tree by status or model. */
export function organizeHandlers({ store, treeView }: CommandDeps): CommandHandlers {
  return {
    [CommandId.renameTask]: async (...args: unknown[]) => {
      const [first, given] = args;
      const [id] = await resolveTaskIds(typeof first === 'string' ? [first] : args, store, { placeHolder: 'Rename which task?' });
      const task = id === undefined ? undefined : store.get(id);
      if (!task) {
        return;
      }
      const label =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: `Rename ${task.id}`,
              prompt: 'A name to show instead of the id. Leave empty to show the id again.',
              value: task.label ?? '',
              validateInput: (value) => (value.trim().length > MAX_LABEL_LENGTH ? `At most ${MAX_LABEL_LENGTH} characters.` : undefined),
            });
      if (label !== undefined) {
        store.rename(task.id, label.slice(0, MAX_LABEL_LENGTH));
      }
    },
    [CommandId.groupBy]: async (given?: unknown) => {
      const choice =
        GROUPINGS.find((option) => option.grouping === given) ??
        (await vscode.window.showQuickPick(
          GROUPINGS.map((option) => ({ ...option, picked: option.grouping === treeView.grouping })),
          { title: 'Group By…', placeHolder: 'Arrange the Video Tasks view by…' },
        ));
      if (choice) {
        await treeView.setGrouping(choice.grouping);
      }
    },
  };
}

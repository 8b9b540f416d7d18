import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CommandDeps, CommandHandlers } from './commandDeps';

/** Commands whose code lives in dist/features.js. */
const LAZY_COMMANDS = [
  CommandId.createTask,
  CommandId.generateFromSelection,
  CommandId.downloadVideo,
  CommandId.trackSelection,
  CommandId.exportTasks,
  CommandId.copyTaskLink,
  CommandId.renameTask,
  CommandId.groupBy,
] as const;

/** Registers the lazy commands now; their code is loaded, once, when the first of them runs. */
export function registerLazyCommands(deps: CommandDeps): vscode.Disposable {
  let handlers: Promise<CommandHandlers> | undefined;
  const load = (): Promise<CommandHandlers> => (handlers ??= import('../features/index').then((features) => features.featureHandlers(deps)));
  return vscode.Disposable.from(
    ...LAZY_COMMANDS.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const handler = (await load())[id];
        return handler(...args);
      }),
    ),
  );
}

import type { CommandDeps, CommandHandlers } from '../commands/commandDeps';
import { createTaskHandlers } from '../commands/createTask';
import { downloadHandlers } from '../commands/downloadVideo';
import { organizeHandlers } from '../commands/organizeCommands';
import { shareHandlers } from '../commands/shareCommands';

/**
 * The commands that are not needed to show and poll tasks (create, download,
 * share, organise). esbuild bundles this file on its own as dist/features.js,
 * loaded the first time one of them runs, so activation stays small.
 */
export function featureHandlers(deps: CommandDeps): CommandHandlers {
  return { ...createTaskHandlers(deps), ...downloadHandlers(deps), ...shareHandlers(deps), ...organizeHandlers(deps) };
}

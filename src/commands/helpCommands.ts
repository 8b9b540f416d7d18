import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID, WALKTHROUGH_ID } from '../commandIds';
import type { Handlers } from './commandDeps';

/** Get Started (the walkthrough) and Open Settings (this extension's settings in the Settings editor). */
export function helpHandlers(): Handlers<typeof CommandId.getStarted | typeof CommandId.openSettings> {
  return {
    [CommandId.getStarted]: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    [CommandId.openSettings]: () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`),
  };
}

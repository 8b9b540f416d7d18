import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Features } from '../features/index';
import { errorMessage } from '../log';
import { wantsAutoDownload } from '../notifications/autoDownloadFolder';
import type { CommandDeps } from './commandDeps';

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
  CommandId.cancelAutoDownloads,
] as const;

/**
 * dist/features.js, loaded once, the first time a lazy command runs or a
 * finished video is to be saved automatically; disposed with the extension.
 */
export class LazyFeatures implements vscode.Disposable {
  private loaded: Promise<Features> | undefined;

  constructor(private readonly deps: CommandDeps) {}

  get(): Promise<Features> {
    return (this.loaded ??= import('../features/index').then((features) => features.loadFeatures(this.deps)));
  }

  /** Registers the lazy commands now; their code is loaded when the first of them runs. */
  registerCommands(): vscode.Disposable {
    return vscode.Disposable.from(
      ...LAZY_COMMANDS.map((id) =>
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          const handler = (await this.get()).handlers[id];
          return handler(...args);
        }),
      ),
    );
  }

  /** Hands each video that finishes to automatic downloads, loading them only when the setting asks for it. */
  saveFinishedVideos(): vscode.Disposable {
    return this.deps.store.onDidFinish(({ task }) => {
      if (wantsAutoDownload(task, this.deps.settings.current.autoDownloadFolder)) {
        this.get().then(
          (features) => features.autoDownload(task),
          (error: unknown) => this.deps.log.error(`Could not load automatic downloads: ${errorMessage(error)}`),
        );
      }
    });
  }

  dispose(): void {
    void this.loaded?.then((features) => features.dispose());
  }
}

import * as vscode from 'vscode';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { CommandId, ViewId } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import type { TaskStore } from '../tasks/taskStore';
import type { TrackedTask } from '../tasks/trackedTask';
import { pageSources } from '../webview/pageSources';
import { renderCompareHtml } from './compareHtml';
import { compareOrigins, compareSides } from './compareModel';
import { isCompareMessage, type CompareHostMessage, type CompareState, type CompareWebviewMessage } from './protocol';

/**
 * The one compare panel: two tasks side by side. Comparing another pair
 * reuses it; it is restored after a reload and closes when either task
 * stops being tracked. Part of dist/features.js.
 */
export class Comparison implements vscode.Disposable {
  private current:
    | { readonly panel: vscode.WebviewPanel; readonly disposables: DisposableStore; taskIds: readonly [string, string]; originsKey?: string; ready: boolean }
    | undefined;

  constructor(
    private readonly store: TaskStore,
    private readonly extensionUri: vscode.Uri,
    private readonly vetMedia: MediaUrlVetter,
    private readonly videosFolder: vscode.Uri,
  ) {}

  open(taskIds: readonly [string, string]): void {
    if (this.current) {
      this.current.taskIds = taskIds;
      this.current.panel.reveal();
      this.update();
      return;
    }
    this.track(vscode.window.createWebviewPanel(ViewId.compare, vscode.l10n.t('Compare'), vscode.ViewColumn.Active, { enableScripts: true }), taskIds);
  }

  /** Takes over a comparison VS Code kept from the last session, if both tasks are still tracked. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const taskIds = (state as Partial<CompareState> | undefined)?.taskIds;
    if (this.current || !Array.isArray(taskIds) || taskIds.length !== 2 || !taskIds.every((id) => typeof id === 'string' && this.store.get(id) !== undefined)) {
      panel.dispose();
      return;
    }
    this.track(panel, [taskIds[0], taskIds[1]]);
  }

  dispose(): void {
    this.current?.panel.dispose(); // Its onDidDispose forgets it.
  }

  private track(panel: vscode.WebviewPanel, taskIds: readonly [string, string]): void {
    const disposables = new DisposableStore();
    this.current = { panel, disposables, taskIds, ready: false };
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), this.videosFolder] };
    disposables.add(panel.webview.onDidReceiveMessage((message: unknown) => isCompareMessage(message) && this.handle(message)));
    disposables.add(
      this.store.onDidChange((change) => {
        if (this.current && change.ids.some((id) => this.current?.taskIds.includes(id))) {
          this.update();
        }
      }),
    );
    disposables.add(
      panel.onDidDispose(() => {
        disposables.dispose();
        this.current = undefined;
      }),
    );
    this.update();
  }

  private tasks(): [TrackedTask, TrackedTask] | undefined {
    const [a, b] = (this.current?.taskIds ?? []).map((id) => this.store.get(id));
    return a !== undefined && b !== undefined ? [a, b] : undefined;
  }

  private update(): void {
    const current = this.current;
    if (current === undefined) {
      return;
    }
    const tasks = this.tasks();
    if (tasks === undefined) {
      current.panel.dispose(); // Stop Tracking either task ends the comparison.
      return;
    }
    current.panel.title = vscode.l10n.t('Compare {0} and {1}', ...tasks.map((task) => shortName(task.label ?? task.id)));
    const webview = current.panel.webview;
    const origins = compareOrigins(tasks, this.vetMedia, webview.cspSource);
    const key = origins.join(' ');
    if (key !== current.originsKey) {
      current.originsKey = key;
      current.ready = false;
      webview.html = renderCompareHtml(pageSources(webview, this.extensionUri, 'compare', origins));
      return; // The page says "ready" when loaded, and gets both tasks then.
    }
    if (current.ready) {
      const localUrl = (task: TrackedTask): string | undefined =>
        task.localVideo === undefined ? undefined : webview.asWebviewUri(vscode.Uri.joinPath(this.videosFolder, task.localVideo)).toString();
      const message: CompareHostMessage = { type: 'update', sides: compareSides(tasks, this.vetMedia, localUrl) };
      void webview.postMessage(message);
    }
  }

  private handle(message: CompareWebviewMessage): void {
    if (this.current === undefined) {
      return;
    }
    if (message.type === 'ready') {
      this.current.ready = true;
      this.update();
    } else {
      void vscode.commands.executeCommand(CommandId.openPreview, this.current.taskIds[message.side]);
    }
  }
}

/** A tab title names both tasks briefly. */
function shortName(name: string): string {
  const bare = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
  return bare.length > 16 ? `${bare.slice(0, 15)}…` : bare;
}

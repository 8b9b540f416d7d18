import * as vscode from 'vscode';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { ContextKey, ViewId } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import type { RawAnswers } from '../tasks/rawAnswers';
import type { TaskStore } from '../tasks/taskStore';
import { PreviewPanel } from './previewPanel';
import type { PreviewState } from './protocol';

/**
 * Owns the open previews: one panel per task, revealed when opened again,
 * restored after a reload. Part of dist/features.js: nothing of the preview
 * loads before the first one opens.
 */
export class PreviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly store: TaskStore,
    private readonly extensionUri: vscode.Uri,
    private readonly vetMedia: MediaUrlVetter,
    private readonly rawAnswers: RawAnswers,
    private readonly videosFolder: vscode.Uri,
  ) {
    this.disposables.add(
      store.onDidChange((change) => {
        const changed = new Set(change.ids);
        for (const [id, preview] of this.panels) {
          const task = store.get(id);
          if (task === undefined) {
            if (changed.has(id)) {
              preview.panel.dispose(); // Stop Tracking closes the task's preview too.
            }
          } else if (changed.has(id) || change.membership || (task.from !== undefined && changed.has(task.from)) || change.ids.some((other) => store.get(other)?.from === id)) {
            // Its own state, or a name in its lineage: a task generated from it added, renamed or removed.
            preview.update();
          }
        }
      }),
    );
  }

  open(taskId: string): void {
    const existing = this.panels.get(taskId);
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ViewId.preview, taskId, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    this.track(panel, taskId);
  }

  /** Whether a preview is open for the task; for tests. */
  isOpen(taskId: string): boolean {
    return this.panels.has(taskId);
  }

  dispose(): void {
    // Disposing a panel runs its onDidDispose, which forgets it.
    for (const preview of [...this.panels.values()]) {
      preview.panel.dispose();
    }
    this.disposables.dispose();
  }

  /** Takes over a preview VS Code kept from the last session (see `LazyFeatures.restorePreviews`). */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const taskId = (state as Partial<PreviewState> | undefined)?.taskId;
    if (typeof taskId !== 'string' || !this.store.get(taskId) || this.panels.has(taskId)) {
      panel.dispose();
      return;
    }
    this.track(panel, taskId);
  }

  /** Tells VS Code whether a preview is open: the walkthrough's step is done when one is. */
  private showOpen(): void {
    void vscode.commands.executeCommand('setContext', ContextKey.previewOpen, this.panels.size > 0);
  }

  private track(panel: vscode.WebviewPanel, taskId: string): void {
    const preview = new PreviewPanel(panel, taskId, this.store, this.extensionUri, this.vetMedia, this.rawAnswers, this.videosFolder);
    this.panels.set(taskId, preview);
    this.showOpen();
    panel.onDidDispose(() => {
      preview.dispose();
      this.panels.delete(taskId);
      this.showOpen();
    });
  }
}

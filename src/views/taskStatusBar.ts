import * as vscode from 'vscode';
import { ViewId } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import type { StallWatch } from '../tasks/stallWatch';
import type { TaskStore } from '../tasks/taskStore';
import { summarizeTasks } from './statusSummary';

/**
 * The status bar item: how many videos are in progress, or a check when all
 * are done; its tooltip lists them and a click reveals the tree. Hidden while
 * nothing is tracked.
 */
export class TaskStatusBar implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly item = this.disposables.add(vscode.window.createStatusBarItem('anyapiVideo.status', vscode.StatusBarAlignment.Left, 50));

  constructor(
    private readonly store: TaskStore,
    private readonly stalls: StallWatch,
  ) {
    this.item.name = vscode.l10n.t('AnyAPI Video');
    this.item.command = `${ViewId.tasks}.focus`;
    this.disposables.add(store.onDidChange(() => this.update()));
    this.disposables.add(stalls.onDidChange(() => this.update()));
    // A turn of the event loop later: the first look at the store reads every stored task, which is work of its own.
    const firstUpdate = setImmediate(() => this.update());
    this.disposables.add({ dispose: () => clearImmediate(firstUpdate) });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private update(): void {
    const summary = summarizeTasks(this.store.all(), this.stalls.stalled);
    if (!summary) {
      this.item.hide();
      return;
    }
    const tooltip = new vscode.MarkdownString('', false);
    tooltip.isTrusted = false;
    for (const line of summary.lines) {
      tooltip.appendText(line);
      tooltip.appendMarkdown('  \n');
    }
    this.item.text = summary.text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('AnyAPI Video: {0}', summary.lines[0]) };
    this.item.show();
  }
}

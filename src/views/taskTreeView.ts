import * as vscode from 'vscode';
import { ContextKey, ViewId } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import type { Poller } from '../tasks/poller';
import type { PollerPause } from '../tasks/pollPause';
import type { StallWatch } from '../tasks/stallWatch';
import type { TaskStore } from '../tasks/taskStore';
import { AgeTicker } from './ageTicker';
import type { TaskFilter } from './taskFilter';
import type { Grouping } from './taskGrouping';
import { TaskTreeProvider, type TaskTreeNode } from './taskTreeProvider';

const GROUPING_KEY = 'anyapiVideo.grouping';

/**
 * The "Video Tasks" view: the tree, a message above it when polling is
 * paused or the filter hides every task, and the filter in its description.
 */
export class TaskTreeView implements vscode.Disposable {
  private readonly provider: TaskTreeProvider;
  private readonly view: vscode.TreeView<TaskTreeNode>;
  private readonly disposables = new DisposableStore();
  private pause: PollerPause | undefined;
  private messageSoon: NodeJS.Immediate | undefined;
  private currentFilter: TaskFilter | undefined;

  constructor(
    private readonly store: TaskStore,
    poller: Poller,
    stalls: StallWatch,
    private readonly state: vscode.Memento,
  ) {
    this.provider = new TaskTreeProvider(store, (id) => stalls.timing(id));
    this.provider.setGrouping(this.grouping);
    this.view = vscode.window.createTreeView(ViewId.tasks, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      showCollapseAll: false,
    });
    const ages = new AgeTicker(() => this.provider.refreshRows());
    const tickWhileSeen = (): void => ages.setActive(this.view.visible && store.size > 0);
    let hasTasks: boolean | undefined;
    const followMembership = (): void => {
      tickWhileSeen();
      // The walkthrough's "track a task" step is done once there is one.
      if (hasTasks !== store.size > 0) {
        hasTasks = store.size > 0;
        void vscode.commands.executeCommand('setContext', ContextKey.hasTasks, hasTasks);
      }
    };
    // A view restored visible fires no visibility change; look right after activation (the store reads its tasks then).
    const firstLook = setImmediate(followMembership);
    for (const disposable of [
      this.provider,
      this.view,
      ages,
      { dispose: () => clearImmediate(firstLook) },
      poller.onDidChangePause((pause) => {
        this.pause = pause;
        this.showMessage();
      }),
      this.view.onDidChangeVisibility(tickWhileSeen),
      stalls.onDidChange((ids) => this.provider.refreshRows(ids)),
      store.onDidChange((change) => {
        if (change.membership) {
          followMembership();
        }
        if (this.currentFilter !== undefined) {
          this.showMessageSoon();
        }
      }),
    ]) {
      this.disposables.add(disposable);
    }
    this.pause = poller.paused;
    this.showMessage();
  }

  get filter(): TaskFilter | undefined {
    return this.currentFilter;
  }

  /** Shows only the tasks `filter` lets through (all with none), and says so in the view's title bar. */
  setFilter(filter: TaskFilter | undefined): void {
    this.currentFilter = filter;
    this.provider.setFilter(filter);
    this.view.description = filter === undefined ? undefined : vscode.l10n.t('Filter: {0}', filter.text);
    void vscode.commands.executeCommand('setContext', ContextKey.filtered, filter !== undefined);
    this.showMessage();
  }

  /** How the tree arranges tasks; remembered across sessions. */
  get grouping(): Grouping {
    const stored = this.state.get<string>(GROUPING_KEY);
    return stored === 'status' || stored === 'model' ? stored : 'none';
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.provider.setGrouping(grouping);
    await this.state.update(GROUPING_KEY, grouping);
  }

  /** Shows a task in the tree and selects it; quietly does nothing if the view is hidden and cannot open. */
  async reveal(id: string): Promise<void> {
    if (!this.store.get(id)) {
      return;
    }
    try {
      await this.view.reveal(id, { select: true, focus: false });
    } catch {
      // The view may not be resolvable yet (e.g. the sidebar is closed); the task is in the store regardless.
    }
  }

  dispose(): void {
    clearImmediate(this.messageSoon);
    this.disposables.dispose();
  }

  private filterMessage(filter: TaskFilter): string {
    const shown = this.provider.shownCount;
    return shown === 0 && this.store.size > 0
      ? vscode.l10n.t('No task matches “{0}”. Clear the filter from the view’s title bar.', filter.text)
      : vscode.l10n.t('Filtered by “{0}”: {1} of {2} shown.', filter.text, shown, this.store.size);
  }

  /** Counts what the filter shows once per turn of the event loop, not once per task a sweep changes. */
  private showMessageSoon(): void {
    this.messageSoon ??= setImmediate(() => {
      this.messageSoon = undefined;
      this.showMessage();
    });
  }

  /** The pause, else the filter: the description says it too, but a narrow sidebar cuts the title bar off. */
  private showMessage(): void {
    const message =
      this.pause !== undefined ? pauseMessage(this.pause) : this.currentFilter !== undefined ? this.filterMessage(this.currentFilter) : undefined;
    // Each assignment is a message to the workbench, also at activation, where there is rarely a pause.
    if (message !== this.view.message) {
      this.view.message = message;
    }
  }
}

function pauseMessage(pause: PollerPause): string {
  switch (pause.reason) {
    case 'noKey':
      return vscode.l10n.t('No API key is set, so tasks are not checked. Run “AnyAPI Video: Set API Key”.');
    case 'auth':
      return vscode.l10n.t('The gateway rejected the API key; checks are paused until it changes. Run “AnyAPI Video: Set API Key”.');
    case 'config':
    case 'keyOrigin':
      return vscode.l10n.t('Checks are paused: {0}', pause.message);
  }
}

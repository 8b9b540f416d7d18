import * as vscode from 'vscode';
import type { TaskChange, TaskStore } from '../tasks/taskStore';
import { compareTasks, sortGroup } from './taskPresentation';
import { createTaskTreeItem } from './taskTreeItem';

/**
 * A flat tree of tracked tasks; elements are task ids. A change refreshes
 * exactly the items that changed, unless tasks were added or removed or a
 * task moved between "unfinished" and "finished", which reorders the list.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string[] | undefined>();
  private readonly groups = new Map<string, number>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly store: TaskStore) {
    this.subscription = store.onDidChange((change) => this.onStoreChange(change));
  }

  getChildren(element?: string): string[] {
    if (element !== undefined) {
      return [];
    }
    const tasks = [...this.store.all()].sort(compareTasks);
    this.groups.clear();
    for (const task of tasks) {
      this.groups.set(task.id, sortGroup(task));
    }
    return tasks.map((task) => task.id);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const task = this.store.get(id);
    // A removed task can still be asked for while the tree catches up.
    return task ? createTaskTreeItem(task, Date.now()) : new vscode.TreeItem(id);
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private onStoreChange(change: TaskChange): void {
    const reordered =
      change.membership ||
      change.ids.some((id) => {
        const task = this.store.get(id);
        return task !== undefined && this.groups.get(id) !== sortGroup(task);
      });
    this.emitter.fire(reordered ? undefined : [...change.ids]);
  }
}

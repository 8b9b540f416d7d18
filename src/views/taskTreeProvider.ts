import * as vscode from 'vscode';
import { DisposableStore } from '../disposableStore';
import { sourceOf } from '../tasks/lineage';
import type { TaskChange, TaskStore } from '../tasks/taskStore';
import type { TaskTiming } from '../tasks/taskTimings';
import type { TrackedTask } from '../tasks/trackedTask';
import { matchesFilter, type TaskFilter } from './taskFilter';
import { groupOf, groupTasks, type Grouping, type TaskGroup } from './taskGrouping';
import { compareTasks, sortGroup } from './taskPresentation';
import { createTaskTooltip, createTaskTreeItem, openPreviewCommand } from './taskTreeItem';

/** A group node; the provider keeps one object per key so the tree keeps its expansion. */
export interface TaskGroupNode {
  readonly group: TaskGroup;
  readonly size: number;
}

/** Task rows are their ids; group rows are {@link TaskGroupNode}s. */
export type TaskTreeNode = string | TaskGroupNode;

/**
 * The tree of tracked tasks, flat or grouped by status or model, all or
 * those a filter lets through. A change refreshes exactly the items that
 * changed, unless tasks were added or removed or a task moved to another
 * place (another group, between "unfinished" and "finished", into or out of
 * the filter), which rebuilds the list.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TaskTreeNode>, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly emitter = this.disposables.add(new vscode.EventEmitter<TaskTreeNode[] | undefined>());
  /** Where each task was placed in the last build, to tell a reorder from an in-place change. */
  private readonly places = new Map<string, string>();
  private readonly groupNodes = new Map<string, TaskGroupNode>();
  private grouping: Grouping = 'none';
  private filter: TaskFilter | undefined;

  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly store: TaskStore,
    /** Each unfinished task's estimate or stall; none in tests of the list alone. */
    private readonly timing: (id: string) => TaskTiming | undefined = () => undefined,
  ) {
    this.disposables.add(store.onDidChange((change) => this.onStoreChange(change)));
  }

  setGrouping(grouping: Grouping): void {
    if (grouping !== this.grouping) {
      this.grouping = grouping;
      this.emitter.fire(undefined);
    }
  }

  setFilter(filter: TaskFilter | undefined): void {
    this.filter = filter;
    this.emitter.fire(undefined);
  }

  /** How many tasks the filter lets through; all of them when there is none. */
  get shownCount(): number {
    return this.shown().length;
  }

  getChildren(element?: TaskTreeNode): TaskTreeNode[] {
    if (typeof element === 'string') {
      return [];
    }
    const grouping = this.grouping;
    if (grouping === 'none') {
      const tasks = this.shown().sort(compareTasks);
      this.remember(tasks);
      return tasks.map((task) => task.id);
    }
    const groups = groupTasks(this.shown(), grouping);
    if (element === undefined) {
      this.places.clear();
      this.groupNodes.clear();
      return groups.map(({ group, tasks }) => {
        const node: TaskGroupNode = { group, size: tasks.length };
        this.groupNodes.set(group.key, node);
        this.remember(tasks);
        return node;
      });
    }
    const members = groups.find(({ group }) => group.key === element.group.key)?.tasks ?? [];
    return members.map((task) => task.id);
  }

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    if (typeof node !== 'string') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.grouping}:${node.group.key}`;
      item.description = String(node.size);
      item.contextValue = 'group';
      item.accessibilityInformation = {
        label: node.size === 1 ? vscode.l10n.t('Group {0}, 1 task', node.group.label) : vscode.l10n.t('Group {0}, {1} tasks', node.group.label, node.size),
      };
      return item;
    }
    const task = this.store.get(node);
    // A removed task can still be asked for while the tree catches up.
    return task ? createTaskTreeItem(task, Date.now(), this.timing(task.id)) : new vscode.TreeItem(node);
  }

  /**
   * VS Code asks on hover and on open (click or Enter): a tooltip is a dozen
   * formatted lines, so rows that are never hovered never pay for one, and
   * the command is made when the row is opened (see {@link openPreviewCommand}).
   */
  resolveTreeItem(item: vscode.TreeItem, node: TaskTreeNode): vscode.TreeItem {
    const task = typeof node === 'string' ? this.store.get(node) : undefined;
    if (task) {
      item.tooltip = createTaskTooltip(task, sourceOf(task, (id) => this.store.get(id))?.name);
      item.command = openPreviewCommand(task);
    }
    return item;
  }

  /** Writes the rows shown again in place (their ages moved on; all when no ids are given); order and selection stay. */
  refreshRows(ids: readonly string[] = [...this.places.keys()]): void {
    const shown = ids.filter((id) => this.places.has(id));
    if (shown.length > 0) {
      this.emitter.fire(shown);
    }
  }

  getParent(node: TaskTreeNode): TaskGroupNode | undefined {
    if (typeof node !== 'string' || this.grouping === 'none') {
      return undefined;
    }
    const task = this.store.get(node);
    return task ? this.groupNodes.get(groupOf(task, this.grouping).key) : undefined;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private shown(): TrackedTask[] {
    const filter = this.filter;
    return filter === undefined ? [...this.store.all()] : this.store.all().filter((task) => matchesFilter(task, filter));
  }

  private remember(tasks: readonly TrackedTask[]): void {
    if (this.grouping === 'none') {
      this.places.clear();
    }
    for (const task of tasks) {
      this.places.set(task.id, this.placeOf(task));
    }
  }

  private placeOf(task: TrackedTask): string {
    const group = this.grouping === 'none' ? '' : groupOf(task, this.grouping).key;
    return `${group}\u0000${sortGroup(task)}`;
  }

  /** Where the task belongs in the list; undefined when the filter hides it. */
  private placeIfShown(task: TrackedTask): string | undefined {
    return this.filter === undefined || matchesFilter(task, this.filter) ? this.placeOf(task) : undefined;
  }

  private onStoreChange(change: TaskChange): void {
    const reordered =
      change.membership ||
      change.ids.some((id) => {
        const task = this.store.get(id);
        return task !== undefined && this.places.get(id) !== this.placeIfShown(task);
      });
    if (reordered) {
      this.emitter.fire(undefined);
      return;
    }
    // A task the filter hides has no row to refresh.
    const shown = change.ids.filter((id) => this.places.has(id));
    if (shown.length > 0) {
      this.emitter.fire(shown);
    }
  }
}

import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { describeTask, taskIcon, tooltipLines, type TaskIcon } from './taskPresentation';

const themeIcons = new Map<string, vscode.ThemeIcon>();

/** One ThemeIcon per codicon and colour, shared by every row. */
function themeIcon({ id, color }: TaskIcon): vscode.ThemeIcon {
  const key = `${id} ${color ?? ''}`;
  let icon = themeIcons.get(key);
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color === undefined ? undefined : new vscode.ThemeColor(color));
    themeIcons.set(key, icon);
  }
  return icon;
}

/** Builds the tree row for one task. */
export function createTaskTreeItem(task: TrackedTask, now: number): vscode.TreeItem {
  const state = displayState(task);
  const item = new vscode.TreeItem(task.id, vscode.TreeItemCollapsibleState.None);
  item.id = task.id;
  item.description = describeTask(task, now);
  item.iconPath = themeIcon(taskIcon(task));
  item.tooltip = createTooltip(task);
  item.contextValue = contextValue(task, state);
  item.accessibilityInformation = { label: `Video task ${task.id}, ${item.description}` };
  item.command = { command: CommandId.openPreview, title: 'Open Preview', arguments: [task.id] };
  return item;
}

/** Flags matched by `viewItem =~ /\b…\b/` in package.json menus. */
function contextValue(task: TrackedTask, state: DisplayState): string {
  const flags = ['task', state];
  if (state === 'succeeded' && task.snapshot?.videoUrl) {
    flags.push('hasVideo');
  }
  return flags.join(' ');
}

/** Untrusted Markdown: every API string goes through appendText, so it can carry no links, HTML or commands. */
function createTooltip(task: TrackedTask): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  for (const [label, value] of tooltipLines(task)) {
    tooltip.appendMarkdown(`**${label}:** `);
    tooltip.appendText(value);
    tooltip.appendMarkdown('  \n');
  }
  return tooltip;
}

import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { describeTask, formatTime, statusLabel, truncate } from './taskPresentation';

const ICONS: Record<DisplayState, vscode.ThemeIcon> = {
  checking: new vscode.ThemeIcon('clock'),
  queued: new vscode.ThemeIcon('clock'),
  running: new vscode.ThemeIcon('sync~spin'),
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash'),
  unknown: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  notFound: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  error: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};

/** Builds the tree row for one task. */
export function createTaskTreeItem(task: TrackedTask, now: number): vscode.TreeItem {
  const state = displayState(task);
  const item = new vscode.TreeItem(task.id, vscode.TreeItemCollapsibleState.None);
  item.id = task.id;
  item.description = describeTask(task, now);
  item.iconPath = state === 'succeeded' && !task.snapshot?.videoUrl ? ICONS.unknown : ICONS[state];
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
  const line = (label: string, value: string | undefined, max = 80): void => {
    if (value !== undefined && value !== '') {
      tooltip.appendMarkdown(`**${label}:** `);
      tooltip.appendText(truncate(value, max));
      tooltip.appendMarkdown('  \n');
    }
  };
  const snapshot = task.snapshot;
  line('Task', task.id, 200);
  line('Status', statusLabel(task));
  if (snapshot?.serverId && snapshot.serverId !== task.id) {
    line('Server id', snapshot.serverId, 200);
  }
  line('Prompt', snapshot?.prompt ?? snapshot?.enhancedPrompt, 300);
  line('Model', snapshot?.model);
  line('Ratio', snapshot?.ratio);
  line('Progress', snapshot?.progress === undefined ? undefined : `${snapshot.progress}%`);
  line('Created', snapshot?.createdAt === undefined ? undefined : formatTime(snapshot.createdAt));
  line('Updated', snapshot?.updatedAt === undefined ? undefined : formatTime(snapshot.updatedAt));
  line('Completed', snapshot?.completedAt === undefined ? undefined : formatTime(snapshot.completedAt));
  line('Tracked since', formatTime(task.addedAt));
  line('Reason', snapshot?.error, 300);
  line('Last check failed', task.problem?.message, 300);
  return tooltip;
}

import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { taskName } from '../tasks/lineage';
import type { TaskTiming } from '../tasks/taskTimings';
import { canKeepCopy, displayState, mayGenerateAgain, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
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

/** Builds the tree row for one task; its tooltip and command are resolved when needed (see {@link createTaskTooltip}, {@link openPreviewCommand}). */
export function createTaskTreeItem(task: TrackedTask, now: number, timing?: TaskTiming): vscode.TreeItem {
  const state = displayState(task);
  const item = new vscode.TreeItem(taskName(task), vscode.TreeItemCollapsibleState.None);
  const description = describeTask(task, now, timing);
  item.id = task.id;
  item.description = task.label === undefined ? description : `${task.id} · ${description}`;
  item.iconPath = themeIcon(taskIcon(task, timing));
  item.contextValue = contextValue(task, state, now);
  item.accessibilityInformation = { label: vscode.l10n.t('Video task {0}, {1}', task.id, description) };
  return item;
}

/**
 * What a click or Enter on a task's row runs, given by `resolveTreeItem` when
 * the row is opened rather than with every refresh. VS Code drops a row's
 * command with arguments as soon as the row is refreshed, so a click that
 * met a refresh (polls, ages) ran nothing ("Actual command not found",
 * microsoft/vscode#173233); resolved on open, the command is always new.
 */
export function openPreviewCommand(task: TrackedTask): vscode.Command {
  return { command: CommandId.openPreview, title: vscode.l10n.t('Open Preview'), arguments: [task.id] };
}

/** Flags matched by `viewItem =~ /\b…\b/` in package.json menus. */
function contextValue(task: TrackedTask, state: DisplayState, now: number): string {
  const flags = ['task', state];
  if (state === 'succeeded' && task.snapshot?.videoUrl) {
    flags.push('hasVideo');
  }
  if (canKeepCopy(task, now)) {
    flags.push('canKeep');
  }
  if (mayGenerateAgain(task)) {
    flags.push('canGenerateAgain');
  }
  return flags.join(' ');
}

/**
 * Untrusted Markdown: API strings go through appendText, so they carry no
 * Markdown, HTML or command links; text the renderer would turn into a link
 * by itself (a URL, an `<scheme:…>` autolink, an e-mail address) goes into a
 * code span instead.
 */
export function createTaskTooltip(task: TrackedTask, sourceName?: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  for (const [label, value] of tooltipLines(task, sourceName)) {
    tooltip.appendMarkdown(`**${label}:** `);
    if (/[a-z][\w+.-]*:\/\/|<[a-z][\w+.-]*:|www\.|\S@\S/i.test(value)) {
      tooltip.appendMarkdown(codeSpan(value));
    } else {
      tooltip.appendText(value);
    }
    tooltip.appendMarkdown('  \n');
  }
  return tooltip;
}

/** A Markdown code span whose fence is longer than any run of backticks inside, so the text cannot close it. */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${text} ${fence}`;
}

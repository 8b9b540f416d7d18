import * as vscode from 'vscode';
import { plainLabel, plainText } from '../untrustedText';

/**
 * The only way the extension shows a notification, a progress notification
 * or a status bar message.
 * Messages carry text from gateways, links and files, and VS Code renders
 * `[label](command:…)` in a notification as a link that runs the command, so
 * every message passes through {@link plainText} here (a unit test fails on
 * any other `show…Message` call in `src/`). Button labels are the extension's own.
 */
export const notify = {
  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showInformationMessage(plainText(message), ...actions);
  },
  warning(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(plainText(message), ...actions);
  },
  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showErrorMessage(plainText(message), ...actions);
  },
  /** A modal question; resolves with the chosen action, or undefined when dismissed. */
  ask(message: string, detail: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(plainText(message), { modal: true, detail: plainText(detail) }, ...actions);
  },
  /** A progress notification; its title is a notification message like any other. */
  progress<T>(
    title: string,
    cancellable: boolean,
    task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<T>,
  ): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: plainText(title), cancellable }, task);
  },
  /** A short message in the status bar that disappears after `ms`. */
  flash(message: string, ms: number): vscode.Disposable {
    return vscode.window.setStatusBarMessage(plainLabel(message), ms);
  },
};

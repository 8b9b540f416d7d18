import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID } from '../commandIds';
import { notify } from '../notifications/notify';
import type { RawAnswer } from '../tasks/rawAnswers';
import type { TrackedTask } from '../tasks/trackedTask';
import { statusLabel } from '../views/taskPresentation';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/**
 * "Copy Support Info": what a gateway's support needs to look into a task —
 * its id, model, status, times, the gateway's origin and the last answer as
 * it was sent — and never the key: answers are kept with it blanked out, and
 * it is blanked out here once more.
 */
export function supportInfoHandlers({ store, rawAnswers, settings, apiKeys }: CommandDeps): Handlers<typeof CommandId.copySupportInfo> {
  return {
    [CommandId.copySupportInfo]: async (...args: unknown[]) => {
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Copy support info for which tasks?'), canPickMany: true });
      const tasks = ids.flatMap((id) => store.get(id) ?? []);
      if (tasks.length === 0) {
        return;
      }
      const answers = await Promise.all(tasks.map((task) => rawAnswers.read(task.id)));
      const text = supportInfo(tasks, answers, { gateway: originOf(settings.current.baseUrl), extension: extensionVersion(), vscode: vscode.version });
      const key = apiKeys.current;
      await vscode.env.clipboard.writeText(key === undefined || key === '' ? text : text.split(key).join('***'));
      void notify.flash(vscode.l10n.t('Support info copied, without your API key'), 4000);
    },
  };
}

/** The text copied: in English, like the log, for whoever answers a bug report. Exported for the tests. */
export function supportInfo(tasks: readonly TrackedTask[], answers: readonly (RawAnswer | undefined)[], versions: { gateway: string; extension: string; vscode: string }): string {
  const time = (epochMs: number | undefined): string => (epochMs === undefined ? '-' : new Date(epochMs).toISOString());
  const header = [`AnyAPI Video Tasks ${versions.extension}, VS Code ${versions.vscode}`, `Gateway: ${versions.gateway}`];
  const sections = tasks.map((task, index) => {
    const snapshot = task.snapshot;
    const answer = answers[index];
    return [
      `Task: ${task.id}`,
      `Model: ${snapshot?.model ?? '-'}`,
      `Status: ${statusLabel(task)} (${snapshot?.rawStatus ?? 'no answer yet'})`,
      `Tracked: ${time(task.addedAt)}`,
      `Created (gateway): ${time(snapshot?.createdAt)}`,
      `Last change seen: ${time(task.movedAt)}`,
      `Last checked: ${time(task.checkedAt)}`,
      ...(task.problem === undefined ? [] : [`Last check failed: ${task.problem.message}`]),
      answer === undefined ? 'Last answer: none kept' : `Last answer (HTTP ${answer.httpStatus}, ${answer.receivedAt}):\n${answer.text}`,
    ].join('\n');
  });
  return [header.join('\n'), ...sections].join('\n\n');
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

function extensionVersion(): string {
  return String(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.version ?? '?');
}

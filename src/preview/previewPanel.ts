import * as vscode from 'vscode';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { CommandId, type CommandIdValue } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import { notify } from '../notifications/notify';
import { generatedFrom, sourceOf } from '../tasks/lineage';
import type { RawAnswers } from '../tasks/rawAnswers';
import type { TaskStore } from '../tasks/taskStore';
import type { TrackedTask } from '../tasks/trackedTask';
import { pageSources } from '../webview/pageSources';
import { renderPreviewHtml } from './previewHtml';
import { mediaOrigins, createPreviewModel, type Lineage } from './previewModel';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from './protocol';

/**
 * One webview panel showing one task. It re-renders its page only when the
 * media origins its CSP must allow change; otherwise it posts updates.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private originsKey: string | undefined;
  private ready = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly taskId: string,
    private readonly store: TaskStore,
    private readonly extensionUri: vscode.Uri,
    private readonly vetMedia: MediaUrlVetter,
    private readonly rawAnswers: RawAnswers,
    /** Copies of videos fetched from the gateway's content route (see `ContentCopies`). */
    private readonly videosFolder: vscode.Uri,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), videosFolder] };
    this.disposables.add(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.update();
  }

  /** Shows the task's current state; called whenever the store reports a change to it. */
  update(): void {
    const task = this.store.get(this.taskId);
    if (!task) {
      this.panel.title = vscode.l10n.t('{0} (not tracked)', this.taskId);
      return;
    }
    this.panel.title = vscode.l10n.t('Video {0}', shortId(this.taskId));
    const origins = mediaOrigins(task, this.vetMedia, this.localVideo(task) === undefined ? undefined : this.panel.webview.cspSource);
    const key = origins.join(' ');
    if (key !== this.originsKey) {
      this.originsKey = key;
      this.ready = false;
      this.panel.webview.html = renderPreviewHtml(pageSources(this.panel.webview, this.extensionUri, 'preview', origins));
      return; // The page says "ready" when loaded, and gets the state then.
    }
    this.post();
  }

  /** The webview URL of the task's fetched copy, if it has one. */
  private localVideo(task: TrackedTask): string | undefined {
    return task.localVideo === undefined ? undefined : this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.videosFolder, task.localVideo)).toString();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private post(): void {
    const task = this.store.get(this.taskId);
    if (!task || !this.ready) {
      return;
    }
    const message: HostMessage = { type: 'update', model: createPreviewModel(task, this.vetMedia, this.lineage(task), this.localVideo(task)) };
    void this.panel.webview.postMessage(message);
  }

  private lineage(task: TrackedTask): Lineage {
    return { source: sourceOf(task, (id) => this.store.get(id)), generated: generatedFrom(task.id, this.store.all()) };
  }

  private onMessage(message: unknown): void {
    if (!isWebviewMessage(message)) {
      return;
    }
    this.handle(message);
  }

  private handle(message: WebviewMessage): void {
    const command = BUTTON_COMMANDS.get(message.type);
    if (command !== undefined) {
      void vscode.commands.executeCommand(command, this.taskId);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'openTask': {
        // Only a task the page was shown as related: the page renders gateway text, so it names nothing else.
        const other = this.store.get(message.taskId);
        if (other !== undefined && (other.from === this.taskId || this.store.get(this.taskId)?.from === other.id)) {
          void vscode.commands.executeCommand(CommandId.openPreview, other.id);
        }
        return;
      }
      case 'loadRaw':
        void this.rawAnswers.read(this.taskId).then((answer) => {
          const reply: HostMessage = { type: 'raw', text: answer?.text };
          void this.panel.webview.postMessage(reply);
        });
        return;
      case 'copyPrompt': {
        const snapshot = this.store.get(this.taskId)?.snapshot;
        const prompt = snapshot?.enhancedPrompt ?? snapshot?.prompt;
        if (prompt !== undefined) {
          void vscode.env.clipboard.writeText(prompt).then(() => notify.flash(vscode.l10n.t('Prompt copied'), 3000));
        }
        return;
      }
    }
  }
}

/** The page's buttons that run a command on this panel's task. */
const BUTTON_COMMANDS: ReadonlyMap<WebviewMessage['type'], CommandIdValue> = new Map([
  ['openExternal', CommandId.openVideoExternal],
  ['copyUrl', CommandId.copyVideoUrl],
  ['download', CommandId.downloadVideo],
  ['generateAgain', CommandId.generateAgain],
  ['keepCopy', CommandId.keepCopy],
  ['refresh', CommandId.refresh],
]);

function shortId(id: string): string {
  const bare = id.includes(':') ? id.slice(id.lastIndexOf(':') + 1) : id;
  return bare.length > 12 ? `${bare.slice(0, 8)}…` : bare;
}

import * as vscode from 'vscode';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { CommandId, ViewId } from '../commandIds';
import { DisposableStore } from '../disposableStore';
import type { TaskStore } from '../tasks/taskStore';
import { isTerminalTask, type TrackedTask } from '../tasks/trackedTask';
import { pageSources } from '../webview/pageSources';
import { renderGalleryHtml } from './galleryHtml';
import { galleryCards, galleryModels, galleryOrigins } from './galleryModel';
import { isGalleryMessage, type GalleryHostMessage, type GalleryWebviewMessage } from './protocol';

/** A sweep answers many tasks in a row: the grid is sent once they settle, not once per answer. */
const UPDATE_DELAY_MS = 250;

/**
 * The one gallery panel: every finished task as a card. Opened again, it is
 * revealed; it is restored after a reload. It replaces its page only when
 * its CSP must allow a new media origin; otherwise it posts the cards.
 * Part of dist/features.js.
 */
export class Gallery implements vscode.Disposable {
  private current: { readonly panel: vscode.WebviewPanel; readonly disposables: DisposableStore } | undefined;
  /** The media origins the page's CSP allows now. */
  private origins: ReadonlySet<string> | undefined;
  private ready = false;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The last cards sent, as sent, and their ids: the page may only name a task it was shown. */
  private sent: { readonly json: string; readonly ids: ReadonlySet<string> } | undefined;

  constructor(
    private readonly store: TaskStore,
    private readonly extensionUri: vscode.Uri,
    private readonly vetMedia: MediaUrlVetter,
    private readonly videosFolder: vscode.Uri,
  ) {}

  open(): void {
    if (this.current) {
      this.current.panel.reveal();
      return;
    }
    this.track(vscode.window.createWebviewPanel(ViewId.gallery, vscode.l10n.t('Video Gallery'), vscode.ViewColumn.Active, { enableScripts: true }));
  }

  /** Takes over a gallery VS Code kept from the last session. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.current) {
      panel.dispose();
      return;
    }
    this.track(panel);
  }

  dispose(): void {
    this.current?.panel.dispose(); // Its onDidDispose forgets it.
  }

  private track(panel: vscode.WebviewPanel): void {
    const disposables = new DisposableStore();
    this.current = { panel, disposables };
    panel.title = vscode.l10n.t('Video Gallery');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), this.videosFolder] };
    disposables.add(panel.webview.onDidReceiveMessage((message: unknown) => isGalleryMessage(message) && this.handle(message)));
    disposables.add(
      this.store.onDidChange((change) => {
        // Progress on a running task changes no card.
        if (change.membership || change.ids.some((id) => this.isCard(id))) {
          this.scheduleUpdate();
        }
      }),
    );
    disposables.add(
      panel.onDidDispose(() => {
        clearTimeout(this.pending);
        this.pending = undefined;
        disposables.dispose();
        this.current = undefined;
        this.origins = undefined;
        this.sent = undefined;
        this.ready = false;
      }),
    );
    this.update();
  }

  private scheduleUpdate(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.update();
    }, UPDATE_DELAY_MS);
  }

  private update(): void {
    const webview = this.current?.panel.webview;
    if (webview === undefined) {
      return;
    }
    const tasks = this.store.all();
    const origins = galleryOrigins(tasks, this.vetMedia, webview.cspSource);
    // A new page only for an origin the CSP lacks: it would start the user over at the top.
    if (this.origins === undefined || origins.some((origin) => !this.origins?.has(origin))) {
      this.origins = new Set(origins);
      this.ready = false;
      this.sent = undefined;
      webview.html = renderGalleryHtml(pageSources(webview, this.extensionUri, 'gallery', origins));
      return; // The page says "ready" when loaded, and gets the cards then.
    }
    if (this.ready) {
      const cards = galleryCards(tasks, this.vetMedia, (task) => this.localVideo(webview, task));
      const message: GalleryHostMessage = { type: 'cards', cards, models: galleryModels(cards) };
      const json = JSON.stringify(message);
      if (json !== this.sent?.json) {
        this.sent = { json, ids: new Set(cards.map((card) => card.id)) };
        void webview.postMessage(message);
      }
    }
  }

  /** Whether the task is a card now, or was one in the last cards sent. */
  private isCard(id: string): boolean {
    const task = this.store.get(id);
    return this.sent?.ids.has(id) === true || (task !== undefined && isTerminalTask(task));
  }

  private shown(id: string): boolean {
    return this.sent?.ids.has(id) === true && this.store.get(id) !== undefined;
  }

  private localVideo(webview: vscode.Webview, task: TrackedTask): string | undefined {
    return task.localVideo === undefined ? undefined : webview.asWebviewUri(vscode.Uri.joinPath(this.videosFolder, task.localVideo)).toString();
  }

  private handle(message: GalleryWebviewMessage): void {
    switch (message.type) {
      case 'ready':
        // A new page (also one VS Code reloaded when its tab came back) has no cards yet.
        this.ready = true;
        this.sent = undefined;
        this.update();
        return;
      case 'open':
        // Only a task the page was shown: it renders gateway text, so it names nothing else.
        if (this.shown(message.taskId)) {
          void vscode.commands.executeCommand(CommandId.openPreview, message.taskId);
        }
        return;
      case 'compare': {
        const [first, second] = message.taskIds;
        if (first !== second && this.shown(first) && this.shown(second)) {
          void vscode.commands.executeCommand(CommandId.compareTasks, [first, second]);
        }
        return;
      }
    }
  }
}

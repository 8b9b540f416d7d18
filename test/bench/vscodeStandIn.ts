/**
 * An in-memory stand-in for the parts of the `vscode` module the extension
 * touches while activating and building tree items, so both can be timed in
 * plain Node. Calls are cheap no-ops; nothing here is asserted on.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { l10nStandIn } from '../unit/helpers/l10nStandIn';

type Listener<T> = (value: T) => void;

class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(value: T): void {
    this.listeners.forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState = 0,
  ) {}
}

class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(public value = '') {}
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

class Uri {
  private constructor(readonly path: string) {}
  static file(path: string): Uri {
    return new Uri(path);
  }
  static parse(value: string): Uri {
    return new Uri(value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri([base.path, ...parts].join('/'));
  }
  /** A file URI's path on disk; the stand-in makes only file URIs. */
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.path;
  }
}

/** Each setting's default, from package.json's `contributes.configuration`. */
const MANIFEST_DEFAULTS = new Map(
  Object.entries(
    (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } }).contributes
      .configuration.properties,
  ).map(([key, property]) => [key, property.default]),
);

const noEvent = (): Disposable => new Disposable();
const outputChannel = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, appendLine() {}, show() {}, dispose() {} };

export const vscodeStandIn = {
  Disposable,
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  MarkdownString,
  Uri,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  window: {
    state: { focused: true },
    createOutputChannel: () => outputChannel,
    createTreeView: () => ({ message: undefined, selection: [], visible: false, onDidChangeVisibility: noEvent, reveal: async () => undefined, dispose() {} }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    registerWebviewPanelSerializer: () => new Disposable(),
    registerUriHandler: () => new Disposable(),
    onDidChangeWindowState: noEvent,
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    setStatusBarMessage: () => new Disposable(),
  },
  workspace: {
    // Every setting at its default, as in a fresh profile (the defaults come from package.json in VS Code).
    // As VS Code does: a setting nobody set has the default the manifest declares.
    getConfiguration: (section?: string) => {
      const defaultOf = (key: string): unknown => MANIFEST_DEFAULTS.get(section === undefined ? key : `${section}.${key}`);
      return {
        get: <T>(key: string, fallback?: T) => (defaultOf(key) as T | undefined) ?? fallback,
        inspect: (key: string) => ({ key, defaultValue: defaultOf(key) }),
      };
    },
    onDidChangeConfiguration: noEvent,
    registerTextDocumentContentProvider: () => new Disposable(),
  },
  commands: {
    registerCommand: () => new Disposable(),
    executeCommand: async () => undefined,
  },
  env: { language: 'en', clipboard: { writeText: async () => undefined }, openExternal: async () => true },
  l10n: l10nStandIn,
};

/** A fresh extension context with in-memory secrets and state, and an empty global storage folder of its own. */
export function createContext(): { subscriptions: { dispose(): unknown }[]; [key: string]: unknown } {
  const state = new Map<string, unknown>();
  return {
    subscriptions: [],
    extensionUri: Uri.file('/extension'),
    globalStorageUri: Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-bench-'))),
    globalState: { get: (key: string) => state.get(key), update: async (key: string, value: unknown) => void state.set(key, value), keys: () => [...state.keys()] },
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: noEvent },
  };
}

/** Makes `require('vscode')` return the stand-in in this process. */
export function installVscodeStandIn(): void {
  const moduleWithLoad = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscodeStandIn : load.call(this, request, ...rest);
  };
}

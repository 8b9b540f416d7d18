import type { Memento, Uri } from 'vscode';
import type { VideoApi } from '../api/lazyVideoApiClient';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { CommandIdValue } from '../commandIds';
import type { Logger } from '../log';
import type { Settings } from '../settings';
import type { Poller } from '../tasks/poller';
import type { RawAnswers } from '../tasks/rawAnswers';
import type { StallWatch } from '../tasks/stallWatch';
import type { TaskStore } from '../tasks/taskStore';
import type { TaskTreeView } from '../views/taskTreeView';

/** The services activation builds, which commands act on. */
export interface CommandDeps {
  readonly store: TaskStore;
  readonly poller: Poller;
  /** Each model's typical time, and which unfinished tasks seem stuck. */
  readonly stalls: StallWatch;
  readonly apiKeys: ApiKeyStore;
  /** For the task creator the features bundle builds: commands themselves never call the API. */
  readonly client: VideoApi;
  readonly treeView: TaskTreeView;
  readonly settings: Settings;
  readonly log: Logger;
  readonly rawAnswers: RawAnswers;
  /** Where copies of videos fetched from the gateway's content route are kept. */
  readonly videosFolder: string;
  /** The extension's install folder, where the preview's script and styles are. */
  readonly extensionUri: Uri;
  /** globalState, for small preferences such as the last model used. */
  readonly state: Memento;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * Handlers for exactly these commands: a family that handles a command it
 * does not name, or names one it does not handle, fails the type check.
 */
export type Handlers<Ids extends CommandIdValue> = { readonly [Id in Ids]: Handler };

/** A handler for every command the extension contributes; the features bundle provides them all. */
export type CommandHandlers = Handlers<CommandIdValue>;

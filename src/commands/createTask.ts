import * as vscode from 'vscode';
import type { CreateVideoRequest } from '../api/videoApiClient';
import { CommandId } from '../commandIds';
import { checkModelName, MAX_PROMPT_LENGTH, parseImageUrls, requestFromArgument, requestToRepeat, VIDEO_MODELS, type ModelOptions } from '../create/videoModels';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import type { TaskCreator } from '../tasks/taskCreator';
import { plainLabel, plainText } from '../untrustedText';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

const LAST_MODEL_KEY = 'anyapiVideo.lastModel';

/**
 * "Create Video Task…": model, prompt (from the editor selection when there
 * is one), the options that model takes, a confirmation, then the request.
 * A request passed as the argument skips the questions but never the
 * confirmation: creating spends credits, and a command link can pass
 * arguments too. Retry, which the user just pressed, sends at once.
 * "Generate Again" asks the same questions, each answered as the task was.
 */
export function createTaskHandlers(
  { store, treeView, state }: CommandDeps,
  creator: TaskCreator,
): Handlers<typeof CommandId.createTask | typeof CommandId.generateFromSelection | typeof CommandId.generateAgain> {
  const run = async (given?: unknown): Promise<void> => {
    const fromArgument = requestFromArgument(given);
    const request = fromArgument ?? (await askForRequest(state));
    if (request && (await confirmRequest(request, fromArgument !== undefined))) {
      await send(request);
    }
  };
  const again = async (...args: unknown[]): Promise<void> => {
    const [id] = await resolveTaskIds(args, store, {
      placeHolder: vscode.l10n.t('Which task should be generated again?'),
      filter: (task) => requestToRepeat(task) !== undefined,
    });
    const task = id === undefined ? undefined : store.get(id);
    if (task === undefined) {
      return;
    }
    const seed = requestToRepeat(task);
    if (seed === undefined) {
      void notify.info(vscode.l10n.t('It is not known which model and prompt made {0}: the gateway has not said, or not in a form that can be sent again. Refresh it, then try again.', task.id));
      return;
    }
    const request = await askForRequest(state, seed);
    if (request && (await confirmRequest(request, false))) {
      await send(request, task.id);
    }
  };
  /** `from`: the task generated again, which the new one records. */
  const send = async (request: CreateVideoRequest, from?: string): Promise<void> => {
    try {
      const id = await notify.progress(vscode.l10n.t('Creating a {0} video…', request.model), false, () => creator.create(request, from));
      await state.update(LAST_MODEL_KEY, request.model);
      await treeView.reveal(id);
      void notify.flash(vscode.l10n.t('AnyAPI Video: created {0}', id), 5000);
    } catch (error) {
      // The prompt is never lost: retry sends the same request, or copy it away.
      const reason = errorMessage(error);
      const retry = vscode.l10n.t('Retry');
      const copyPrompt = vscode.l10n.t('Copy Prompt');
      void notify.error(vscode.l10n.t('Could not create the video: {0}', reason), retry, copyPrompt).then((choice) => {
        if (choice === retry) {
          void send(request, from);
        } else if (choice === copyPrompt) {
          void vscode.env.clipboard.writeText(request.prompt);
        }
      });
    }
  };
  return {
    [CommandId.createTask]: run,
    [CommandId.generateFromSelection]: () => run(),
    [CommandId.generateAgain]: again,
  };
}

/** The questions of the create flow; with a `seed` (Generate Again), each is answered as in that request, ready to change. */
async function askForRequest(state: vscode.Memento, seed?: CreateVideoRequest): Promise<CreateVideoRequest | undefined> {
  const model = await askForModel(state.get<string>(LAST_MODEL_KEY), seed?.model);
  if (!model) {
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const prompt = await vscode.window.showInputBox({
    title: seed ? vscode.l10n.t('Generate Again ({0})', model) : vscode.l10n.t('Create Video Task ({0})', model),
    prompt: vscode.l10n.t('Describe the video.'),
    value: seed?.prompt ?? selected,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' ? vscode.l10n.t('Enter a prompt.') : value.length > MAX_PROMPT_LENGTH ? vscode.l10n.t('At most 4,000 characters.') : undefined,
  });
  if (prompt === undefined) {
    return undefined;
  }
  const options = await askForOptions(model, VIDEO_MODELS[model] ?? {}, seed ?? { model, prompt });
  if (!options) {
    return undefined;
  }
  return { model, prompt: prompt.trim(), ...options };
}

/**
 * The last question before credits are spent. A request the user did not
 * build here (a link, another extension) shows all of it — the whole prompt,
 * every option and image — with Cancel first, so Enter alone sends nothing.
 */
async function confirmRequest(request: CreateVideoRequest, fromArgument: boolean): Promise<boolean> {
  const { model, prompt: _prompt, ...options } = request;
  const summary = Object.entries(options)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? (fromArgument ? value.join(' ') : value.length) : String(value)}`)
    .join(', ');
  const shownPrompt = fromArgument ? request.prompt : request.prompt.slice(0, 80);
  const create = { label: `$(play) ${vscode.l10n.t('Create')}`, detail: plainLabel(`${model}${summary ? ` · ${summary}` : ''} · “${shownPrompt}”`), create: true };
  const cancel = { label: vscode.l10n.t('Cancel'), create: false };
  const confirm = await vscode.window.showQuickPick(fromArgument ? [cancel, create] : [create, cancel], {
    title: vscode.l10n.t('Create Video Task'),
    placeHolder: fromArgument
      ? vscode.l10n.t('Something other than this dialog filled in this request. Check all of it: creating a video spends credits on your gateway.')
      : vscode.l10n.t('Send this request? Creating a video spends credits on your gateway.'),
    ignoreFocusOut: true,
  });
  return confirm?.create === true;
}

/** The model, offered first: the seed's ("as before"), else the one used last. */
async function askForModel(last: string | undefined, seeded: string | undefined): Promise<string | undefined> {
  const first = seeded ?? last;
  const known = Object.keys(VIDEO_MODELS);
  const ordered = first && known.includes(first) ? [first, ...known.filter((model) => model !== first)] : known;
  const firstNote = seeded ? vscode.l10n.t('as before') : vscode.l10n.t('last used');
  const items = [
    ...(first && !known.includes(first) ? [{ label: first, description: firstNote }] : []),
    ...ordered.map((model) => ({ label: model, description: model === first ? firstNote : undefined })),
    { label: vscode.l10n.t('Other model…'), description: vscode.l10n.t('type a model name'), other: true },
  ];
  const title = seeded ? vscode.l10n.t('Generate Again') : vscode.l10n.t('Create Video Task');
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which model?'), ignoreFocusOut: true });
  if (!picked || !('other' in picked)) {
    return picked?.label;
  }
  const typed = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Model name'), validateInput: checkModelName, ignoreFocusOut: true });
  return typed?.trim();
}

/**
 * The model's own options, one question each; undefined when the user backs
 * out. A value `previous` holds (Generate Again) is offered first.
 */
async function askForOptions(model: string, options: ModelOptions, previous: CreateVideoRequest): Promise<Partial<CreateVideoRequest> | undefined> {
  const asBefore = vscode.l10n.t('as before');
  const pick = async (title: string, values: readonly (string | number)[] | undefined, before: string | number | undefined): Promise<string | undefined | null> => {
    if (!values || values.length === 0) {
      return undefined;
    }
    const ordered = before !== undefined && values.includes(before) ? [before, ...values.filter((value) => value !== before)] : values;
    const items = ordered.map((value) => ({ label: String(value), description: value === before ? asBefore : undefined }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('{0}: {1}', model, title), ignoreFocusOut: true });
    return picked?.label ?? null;
  };
  const aspect_ratio = await pick(vscode.l10n.t('aspect ratio'), options.aspectRatios, previous.aspect_ratio);
  const orientation = aspect_ratio === null ? null : await pick(vscode.l10n.t('orientation'), options.orientations, previous.orientation);
  const size = orientation === null ? null : await pick(vscode.l10n.t('size'), options.sizes, previous.size);
  const duration = size === null ? null : await pick(vscode.l10n.t('duration (seconds)'), options.durations, previous.duration);
  if (aspect_ratio === null || orientation === null || size === null || duration === null) {
    return undefined;
  }
  const chosen: Partial<CreateVideoRequest> = {
    ...(aspect_ratio ? { aspect_ratio } : {}),
    ...(orientation ? { orientation } : {}),
    ...(size ? { size } : {}),
    ...(duration ? { duration: Number(duration) } : {}),
  };
  if (options.veoFlags) {
    const flags = await vscode.window.showQuickPick(
      [
        { label: 'enhance_prompt', description: vscode.l10n.t('let the model improve the prompt'), picked: previous.enhance_prompt === true },
        { label: 'enable_upsample', description: vscode.l10n.t('upscale the result'), picked: previous.enable_upsample === true },
      ],
      { title: vscode.l10n.t('{0}: options', model), canPickMany: true, ignoreFocusOut: true },
    );
    if (!flags) {
      return undefined;
    }
    Object.assign(chosen, {
      enhance_prompt: flags.some((flag) => flag.label === 'enhance_prompt'),
      enable_upsample: flags.some((flag) => flag.label === 'enable_upsample'),
    });
  }
  if (options.images) {
    const max = options.images.max;
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: reference images (optional)', model),
      prompt: vscode.l10n.t('Up to {0} https image URLs, separated by spaces or commas. Leave empty for none.', max),
      value: previous.images?.join(' '),
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parseImageUrls(value, max);
        return 'error' in parsed ? plainText(parsed.error) : undefined;
      },
    });
    if (text === undefined) {
      return undefined;
    }
    const parsed = parseImageUrls(text, max);
    if ('urls' in parsed && parsed.urls.length > 0) {
      Object.assign(chosen, { images: parsed.urls });
    }
  }
  return chosen;
}

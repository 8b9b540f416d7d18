import * as vscode from 'vscode';
import type { CreateVideoRequest } from '../api/videoApiClient';
import { CommandId } from '../commandIds';
import { checkModelName, parseImageUrls, VIDEO_MODELS, type ModelOptions } from '../create/videoModels';
import { errorMessage } from '../log';
import type { CommandDeps, CommandHandlers } from './commandDeps';

const LAST_MODEL_KEY = 'anyapiVideo.lastModel';
const OTHER_MODEL = 'Other model…';

/**
 * "Create Video Task…": model, prompt (from the editor selection when there
 * is one), the options that model takes, a confirmation, then the request.
 * A request passed as the argument skips the questions (Retry uses it).
 */
export function createTaskHandlers({ creator, treeView, state }: CommandDeps): CommandHandlers {
  const run = async (given?: unknown): Promise<void> => {
    const request = isRequest(given) ? given : await askForRequest(state);
    if (!request) {
      return;
    }
    try {
      const id = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Creating a ${request.model} video…` },
        () => creator.create(request),
      );
      await state.update(LAST_MODEL_KEY, request.model);
      await treeView.reveal(id);
      void vscode.window.setStatusBarMessage(`AnyAPI Video: created ${id}`, 5000);
    } catch (error) {
      // The prompt is never lost: retry sends the same request, or copy it away.
      const reason = errorMessage(error);
      void vscode.window.showErrorMessage(`Could not create the video: ${reason}`, 'Retry', 'Copy Prompt').then((choice) => {
        if (choice === 'Retry') {
          void run(request);
        } else if (choice === 'Copy Prompt') {
          void vscode.env.clipboard.writeText(request.prompt);
        }
      });
    }
  };
  return {
    [CommandId.createTask]: run,
    [CommandId.generateFromSelection]: () => run(),
  };
}

function isRequest(value: unknown): value is CreateVideoRequest {
  const candidate = value as Partial<CreateVideoRequest> | undefined;
  return typeof candidate?.model === 'string' && typeof candidate.prompt === 'string';
}

async function askForRequest(state: vscode.Memento): Promise<CreateVideoRequest | undefined> {
  const model = await askForModel(state.get<string>(LAST_MODEL_KEY));
  if (!model) {
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const prompt = await vscode.window.showInputBox({
    title: `Create Video Task (${model})`,
    prompt: 'Describe the video.',
    value: selected,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter a prompt.' : value.length > 4000 ? 'At most 4,000 characters.' : undefined),
  });
  if (prompt === undefined) {
    return undefined;
  }
  const options = await askForOptions(model, VIDEO_MODELS[model] ?? {});
  if (!options) {
    return undefined;
  }
  const request: CreateVideoRequest = { model, prompt: prompt.trim(), ...options };
  const summary = Object.entries(options)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.length : String(value)}`)
    .join(', ');
  const confirm = await vscode.window.showQuickPick(
    [{ label: '$(play) Create', detail: `${model}${summary ? ` · ${summary}` : ''} · “${request.prompt.slice(0, 80)}”` }, { label: 'Cancel' }],
    { title: 'Create Video Task', placeHolder: 'Send this request? Creating a video spends credits on your gateway.', ignoreFocusOut: true },
  );
  return confirm?.label === '$(play) Create' ? request : undefined;
}

async function askForModel(last: string | undefined): Promise<string | undefined> {
  const known = Object.keys(VIDEO_MODELS);
  const ordered = last && known.includes(last) ? [last, ...known.filter((model) => model !== last)] : known;
  const items = [
    ...(last && !known.includes(last) ? [{ label: last, description: 'last used' }] : []),
    ...ordered.map((model) => ({ label: model, description: model === last ? 'last used' : undefined })),
    { label: OTHER_MODEL, description: 'type a model name' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Create Video Task', placeHolder: 'Which model?', ignoreFocusOut: true });
  if (picked?.label !== OTHER_MODEL) {
    return picked?.label;
  }
  const typed = await vscode.window.showInputBox({ title: 'Create Video Task', prompt: 'Model name', validateInput: checkModelName, ignoreFocusOut: true });
  return typed?.trim();
}

/** The model's own options, one question each; undefined when the user backs out. */
async function askForOptions(model: string, options: ModelOptions): Promise<Partial<CreateVideoRequest> | undefined> {
  const pick = async (title: string, values: readonly (string | number)[] | undefined): Promise<string | undefined | null> => {
    if (!values || values.length === 0) {
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(values.map(String), { title: `${model}: ${title}`, ignoreFocusOut: true });
    return picked ?? null;
  };
  const aspect_ratio = await pick('aspect ratio', options.aspectRatios);
  const orientation = aspect_ratio === null ? null : await pick('orientation', options.orientations);
  const size = orientation === null ? null : await pick('size', options.sizes);
  const duration = size === null ? null : await pick('duration (seconds)', options.durations);
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
        { label: 'enhance_prompt', description: 'let the model improve the prompt' },
        { label: 'enable_upsample', description: 'upscale the result' },
      ],
      { title: `${model}: options`, canPickMany: true, ignoreFocusOut: true },
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
      title: `${model}: reference images (optional)`,
      prompt: `Up to ${max} https image URLs, separated by spaces or commas. Leave empty for none.`,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parseImageUrls(value, max);
        return 'error' in parsed ? parsed.error : undefined;
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

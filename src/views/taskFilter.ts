import { l10n } from '../l10n';
import { displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { stateLabel } from './taskPresentation';

/**
 * What the Video Tasks view shows while filtered: tasks that contain every
 * word (in the name, id, prompt or model), of one of the `models` and in one
 * of the `states` when those are given.
 */
export interface TaskFilter {
  /** What the user typed, shown in the view's description. */
  readonly text: string;
  readonly words: readonly string[];
  readonly models: readonly string[];
  readonly states: readonly DisplayState[];
}

const STATES: readonly DisplayState[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'checking', 'unknown', 'notFound', 'error'];
/** The words the view shows in English, understood in every display language (the hint names them). */
const ENGLISH_WORDS: ReadonlyMap<string, DisplayState> = new Map([
  ['ready', 'succeeded'],
  ['done', 'succeeded'],
  ['notfound', 'notFound'],
]);
/** The longest filter kept: it is shown in the view's title bar. */
const MAX_FILTER_LENGTH = 200;

/**
 * Reads `kite model:veo3 status:failed`: plain words, `model:` and `status:`
 * (a state's name or its word in the display language, e.g. `status:ready`).
 * Empty text is no filter at all.
 */
export function parseTaskFilter(text: string): { filter: TaskFilter | undefined } | { error: string } {
  const trimmed = text.trim().slice(0, MAX_FILTER_LENGTH);
  const words: string[] = [];
  const models: string[] = [];
  const states: DisplayState[] = [];
  for (const term of trimmed.toLowerCase().split(/\s+/).filter((part) => part !== '')) {
    const [, key, value] = /^(model|status):(.*)$/.exec(term) ?? [];
    if (key === undefined) {
      words.push(term);
    } else if (value === '') {
      return { error: l10n.t('Say which {0}, e.g. {0}:{1}.', key, key === 'model' ? 'veo3' : 'failed') };
    } else if (key === 'model') {
      models.push(value);
    } else {
      const state = STATES.find((known) => known.toLowerCase() === value || stateLabel(known).toLowerCase().replace(/\s+/g, '') === value) ?? ENGLISH_WORDS.get(value);
      if (state === undefined) {
        return { error: l10n.t('“{0}” is not a status. Try one of: {1}.', value.slice(0, 30), 'queued, running, ready, failed, cancelled') };
      }
      states.push(state);
    }
  }
  return { filter: trimmed === '' ? undefined : { text: trimmed, words, models, states } };
}

/** Whether the view shows `task` under `filter`. */
export function matchesFilter(task: TrackedTask, filter: TaskFilter): boolean {
  const model = task.snapshot?.model?.toLowerCase() ?? '';
  if (filter.models.length > 0 && !filter.models.some((wanted) => model.includes(wanted))) {
    return false;
  }
  if (filter.states.length > 0 && !filter.states.includes(displayState(task))) {
    return false;
  }
  if (filter.words.length === 0) {
    return true;
  }
  const haystack = [task.label, task.id, task.snapshot?.prompt, task.snapshot?.enhancedPrompt, model].join('\n').toLowerCase();
  return filter.words.every((word) => haystack.includes(word));
}

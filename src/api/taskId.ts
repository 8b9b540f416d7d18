import { l10n } from '../l10n';

/** Longer ids are refused: real ones are under 100 characters. */
export const MAX_TASK_ID_LENGTH = 200;

/**
 * Letters, digits and `-_.:` (provider prefixes such as `veo3.1-components:`):
 * nothing that notifications, Markdown, HTML, URLs or a shell give a meaning to.
 */
const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * Why a string cannot be a task id, or undefined when it can. Every id passes
 * this, whatever it came from: typed, pasted, a link, a file, or a gateway's
 * answer to a create request.
 */
export function checkTaskId(id: string): string | undefined {
  if (id.length > MAX_TASK_ID_LENGTH) {
    return l10n.t('A task id is at most {0} characters; this one has {1}.', MAX_TASK_ID_LENGTH, id.length);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(id)) {
    return l10n.t('A task id cannot contain control or invisible characters.');
  }
  if (!TASK_ID.test(id)) {
    return l10n.t('“{0}” does not look like a task id (ids are letters, digits, “-”, “_”, “:” and “.”).', shorten(id));
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

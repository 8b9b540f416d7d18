import { field, isObject, stringField } from '../api/fields';
import { checkTaskId } from '../api/taskId';
import { l10n } from '../l10n';

/** More ids than this in one paste is almost certainly the wrong text. */
export const MAX_IDS_PER_INPUT = 500;

export type ParsedTaskIds =
  /** `duplicates`: how many repeated ids were dropped. */
  { readonly ids: string[]; readonly duplicates: number } | { readonly error: string };

/**
 * Reads what the user typed or pasted into "Track Video Task": one or many
 * ids separated by spaces, commas or new lines, or a create/query JSON
 * response (or an array of them), from which the `id` is taken.
 */
export function parseTaskIds(input: string): ParsedTaskIds {
  const text = input.trim();
  if (text === '') {
    return { error: l10n.t('Enter a task id, several separated by spaces or commas, or paste a JSON response.') };
  }
  const fromJson = idsFromJson(text);
  const candidates = fromJson ?? text.split(/[\s,;]+/).filter((part) => part !== '');
  if (candidates.length === 0) {
    return { error: l10n.t('That JSON has no "id" field. Paste the response of the create or query request.') };
  }
  if (candidates.length > MAX_IDS_PER_INPUT) {
    return { error: l10n.t('That is {0} ids; track at most {1} at once.', candidates.length, MAX_IDS_PER_INPUT) };
  }
  for (const id of candidates) {
    const problem = checkTaskId(id);
    if (problem) {
      return { error: problem };
    }
  }
  const ids = [...new Set(candidates)];
  return { ids, duplicates: candidates.length - ids.length };
}

function idsFromJson(text: string): string[] | undefined {
  if (!text.startsWith('{') && !text.startsWith('[')) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.flatMap((item) => {
    if (!isObject(item)) {
      return [];
    }
    const data = field(item, 'data');
    const id = stringField(item, 'id') ?? stringField(item, 'task_id') ?? (isObject(data) ? stringField(data, 'id') : undefined);
    return id === undefined ? [] : [id];
  });
}

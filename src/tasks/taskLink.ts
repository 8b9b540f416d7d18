/** The path of a link that tracks tasks: `<scheme>://<extension id>/track?id=…&id=…`. */
export const TASK_LINK_PATH = '/track';

/** A link that, opened anywhere VS Code handles its scheme, tracks these tasks. */
export function taskLink(scheme: string, extensionId: string, ids: readonly string[]): string {
  const query = new URLSearchParams(ids.map((id): [string, string] => ['id', id])).toString();
  return `${scheme}://${extensionId}${TASK_LINK_PATH}?${query}`;
}

/** The ids a link's query names, in order: repeated `id=` parameters, each of which may also list several. */
export function idsFromTaskLinkQuery(query: string): string[] {
  return new URLSearchParams(query)
    .getAll('id')
    .flatMap((value) => value.split(/[\s,]+/))
    .filter((id) => id !== '');
}

/**
 * Unit tests run in plain Node, where there is no `vscode` module, yet the
 * modules they load word their messages with `vscode.l10n.t`. This gives them
 * English, with placeholders filled the way VS Code fills them, and nothing
 * else of the API: a unit-tested module that reaches for more fails loudly.
 */
import Module from 'node:module';

type L10nArgument = string | number | boolean;

/** VS Code's formatting: `{0}` or `{name}` is replaced when there is such an argument, else kept. */
export function formatMessage(message: string, args: readonly L10nArgument[] | Record<string, unknown>): string {
  const values: Record<string, unknown> = isList(args) ? { ...args } : args;
  return message.replace(/{([^}]+)}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

function isList(args: readonly L10nArgument[] | Record<string, unknown>): args is readonly L10nArgument[] {
  return Array.isArray(args);
}

export const l10nStandIn = {
  t(message: string | { message: string; args?: Record<string, unknown> }, ...args: unknown[]): string {
    if (typeof message !== 'string') {
      return formatMessage(message.message, message.args ?? {});
    }
    const [first] = args;
    const named = args.length === 1 && typeof first === 'object' && first !== null && !Array.isArray(first);
    return formatMessage(message, named ? (first as Record<string, unknown>) : (args as L10nArgument[]));
  },
};

/** Makes `require('vscode')` return just `l10n` and `env.language` in this process. */
export function installL10nStandIn(): void {
  const moduleWithLoad = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? { l10n: l10nStandIn, env: { language: 'en' } } : load.call(this, request, ...rest);
  };
}

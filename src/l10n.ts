/**
 * The seam between VS Code's translations and the modules that need nothing
 * else of VS Code (src/api, src/tasks, src/auth and the pure view helpers):
 * they word their messages with `l10n.t` from here, and each bundle's entry
 * point hands in VS Code's (see `src/vscodeL10n.ts`). Until then — unit
 * tests, benchmarks — messages are English, with `{0}` and the like filled
 * as VS Code fills them.
 */
export type L10nArgument = string | number | boolean;
type Translate = (message: string, ...args: L10nArgument[]) => string;

let translate: Translate = english;
let language = 'en';

export const l10n = {
  /** `message` in the display language; its literal English text is the key in `l10n/bundle.l10n.*.json`. */
  t: (message: string, ...args: L10nArgument[]): string => translate(message, ...args),
};

/** The display language, for formatting dates. */
export function displayLanguage(): string {
  return language;
}

/** Wires VS Code's translation and display language in; called by each bundle's entry point. */
export function useTranslations(vscodeTranslate: Translate, vscodeLanguage: string): void {
  translate = vscodeTranslate;
  language = vscodeLanguage;
}

function english(message: string, ...args: L10nArgument[]): string {
  return message.replace(/{(\d+)}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

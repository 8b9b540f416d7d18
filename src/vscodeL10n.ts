import * as vscode from 'vscode';
import { useTranslations } from './l10n';

/**
 * Hands VS Code's `l10n.t` and display language to `src/l10n.ts`. Each
 * bundle (dist/extension.js, dist/features.js) has its own copy of that
 * module, so each entry point calls this.
 */
export function wireTranslations(): void {
  useTranslations((message, ...args) => vscode.l10n.t(message, ...args), vscode.env.language);
}

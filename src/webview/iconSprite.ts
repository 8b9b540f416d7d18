import * as fs from 'node:fs';
import * as vscode from 'vscode';

let sprite: string | undefined;

/**
 * dist/codicons.svg (see scripts/codiconSprite.js), read once for every page.
 * Without it the icons are blank; the words beside them still say everything.
 */
export function readIconSprite(extensionUri: vscode.Uri): string {
  if (sprite === undefined) {
    try {
      sprite = fs.readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'codicons.svg').fsPath, 'utf8');
    } catch {
      sprite = '';
    }
  }
  return sprite;
}

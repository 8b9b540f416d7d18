import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PageSources } from './pageParts';

let sprite: string | undefined;

/**
 * What the page of `media/<page>.js` and `media/<page>.css` (after
 * `media/common.css`) needs from its webview: the preview, the gallery and
 * Compare are built the same way (see `renderPage`).
 */
export function pageSources(webview: vscode.Webview, extensionUri: vscode.Uri, page: string, mediaOrigins: readonly string[]): PageSources {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const uri = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(media, file)).toString();
  return {
    cspSource: webview.cspSource,
    scriptUri: uri(`${page}.js`),
    styleUris: [uri('common.css'), uri(`${page}.css`)],
    iconSprite: readIconSprite(extensionUri),
    mediaOrigins,
    language: vscode.env.language,
  };
}

/**
 * dist/codicons.svg (see scripts/codiconSprite.js), read once for every page.
 * Without it the icons are blank; the words beside them still say everything.
 */
function readIconSprite(extensionUri: vscode.Uri): string {
  if (sprite === undefined) {
    try {
      sprite = fs.readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'codicons.svg').fsPath, 'utf8');
    } catch {
      sprite = '';
    }
  }
  return sprite;
}

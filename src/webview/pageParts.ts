import { randomBytes } from 'node:crypto';

/** What every page of ours needs from its webview to load its own files and nothing else. */
export interface PageSources {
  /** `webview.cspSource`: where our own script and stylesheets come from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  /** `media/common.css` first, then the page's own. */
  readonly styleUris: readonly string[];
  /** The codicons the page draws, as `<symbol id="codicon-…">`s (dist/codicons.svg, written by scripts/codiconSprite.js). */
  readonly iconSprite: string;
  /** Vetted origins of videos and posters; nothing else may be loaded. */
  readonly mediaOrigins: readonly string[];
  /** VS Code's display language, e.g. `zh-cn`. */
  readonly language: string;
}

/**
 * A whole page: the CSP allows our one script by nonce, our stylesheets, and
 * media only from the vetted origins. `body` is the page's own markup, built
 * from our words only: API data reaches a page through `textContent`, in messages.
 */
export function renderPage(sources: PageSources, title: string, body: string): string {
  const nonce = randomBytes(16).toString('base64');
  // Escaped once, with the whole policy, where it goes into the attribute.
  const media = sources.mediaOrigins.join(' ');
  const csp = [
    "default-src 'none'",
    `style-src ${sources.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${sources.cspSource} ${media}`.trim(),
    media === '' ? "media-src 'none'" : `media-src ${media}`,
  ].join('; ');
  const styles = sources.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(sources.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeAttribute(title)}</title>
</head>
<body>
${sources.iconSprite}
${body}
<script nonce="${nonce}" src="${escapeAttribute(sources.scriptUri)}"></script>
</body>
</html>`;
}

/** A codicon from the page's sprite, decorative: the text beside it says what it means. */
export function icon(name: string): string {
  return `<svg class="codicon" aria-hidden="true"><use href="#codicon-${name}"></use></svg>`;
}

/** Text for an attribute or an element's content. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

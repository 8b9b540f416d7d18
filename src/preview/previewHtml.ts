import { randomBytes } from 'node:crypto';
import { l10n } from '../l10n';

export interface PreviewHtmlOptions {
  /** `webview.cspSource`: where our own script and stylesheet come from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The codicons the page draws, as `<symbol id="codicon-…">`s (dist/codicons.svg, written by scripts/codiconSprite.js). */
  readonly iconSprite: string;
  /** Vetted origins of the video and poster; nothing else may be loaded. */
  readonly mediaOrigins: readonly string[];
  /** VS Code's display language, e.g. `zh-cn`; the page's words come from its l10n bundle. */
  readonly language: string;
}

/**
 * The preview's static page. It holds no API data: the script fills it in
 * with `textContent` from `update` messages. Its own words are localized
 * here, on the host, so the webview script carries no text of its own. The
 * CSP allows our one script by nonce and media only from the vetted origins.
 */
export function renderPreviewHtml(options: PreviewHtmlOptions): string {
  const nonce = randomBytes(16).toString('base64');
  // Escaped once, with the whole policy, where it goes into the attribute.
  const media = options.mediaOrigins.join(' ');
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${options.cspSource} ${media}`.trim(),
    media === '' ? "media-src 'none'" : `media-src ${media}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>${escapeAttribute(l10n.t('Video preview'))}</title>
</head>
<body>
${options.iconSprite}
<header>
  <h1><svg id="statusIcon" class="codicon" aria-hidden="true"><use></use></svg><span id="status" role="status" aria-live="polite"></span></h1>
  <progress id="progress" max="100" hidden></progress>
</header>
<p id="error" class="error" role="alert" hidden></p>
<p id="notUnderstood" class="warning" hidden></p>
<section id="player" hidden>
  <video id="video" controls preload="metadata" playsinline></video>
  <div class="player-bar">
    <span id="videoInfo" class="note"></span>
    <button id="loop" type="button" class="secondary" aria-pressed="false" title="${escapeAttribute(l10n.t('Play the video in a loop (L)'))}">${escapeAttribute(l10n.t('Loop'))}</button>
    <label class="note">${escapeAttribute(l10n.t('Speed'))}
      <select id="speed">
        <option value="0.5">0.5×</option>
        <option value="1" selected>1×</option>
        <option value="1.5">1.5×</option>
        <option value="2">2×</option>
      </select>
    </label>
    <span class="note">${escapeAttribute(l10n.t('Space plays or pauses, F toggles full screen.'))}</span>
  </div>
  <p class="note">${icon('info')}${escapeAttribute(l10n.t("VS Code's built-in player cannot play AAC audio, so many videos are silent here. Open the video in the browser to hear it."))}</p>
</section>
<p id="refused" class="warning" hidden></p>
<p id="linkNote" class="warning" role="status" hidden></p>
<div class="actions">
  <button id="openExternal" type="button" hidden>${icon('link-external')}${escapeAttribute(l10n.t('Open in Browser'))}</button>
  <button id="download" type="button" class="secondary" hidden>${icon('cloud-download')}${escapeAttribute(l10n.t('Download'))}</button>
  <button id="copyUrl" type="button" class="secondary" hidden>${icon('link')}${escapeAttribute(l10n.t('Copy URL'))}</button>
  <button id="copyPrompt" type="button" class="secondary" hidden>${icon('copy')}${escapeAttribute(l10n.t('Copy Prompt'))}</button>
  <button id="keepCopy" type="button" class="secondary" hidden>${icon('save')}${escapeAttribute(l10n.t('Keep a Copy'))}</button>
  <button id="refreshTask" type="button" class="secondary" hidden>${icon('refresh')}${escapeAttribute(l10n.t('Refresh'))}</button>
  <button id="generateAgain" type="button" class="secondary" hidden>${icon('debug-rerun')}${escapeAttribute(l10n.t('Generate Again'))}</button>
</div>
<p id="sourceLine" hidden>${escapeAttribute(l10n.t('Generated again from'))} <span id="source"></span></p>
<section id="generatedSection" hidden>
  <h2>${escapeAttribute(l10n.t('Generated again from this task'))}</h2>
  <ul id="generated"></ul>
</section>
<section id="enhancedPromptSection" hidden>
  <h2>${escapeAttribute(l10n.t('Enhanced prompt'))}</h2>
  <pre id="enhancedPrompt"></pre>
</section>
<section id="promptSection" hidden>
  <h2>${escapeAttribute(l10n.t('Prompt'))}</h2>
  <pre id="prompt"></pre>
</section>
<section>
  <h2>${escapeAttribute(l10n.t('Details'))}</h2>
  <dl id="details"></dl>
</section>
<details id="rawSection" data-empty="${escapeAttribute(l10n.t('No answer from the gateway is kept for this task yet.'))}">
  <summary>${escapeAttribute(l10n.t('Raw response'))}</summary>
  <p class="note">${escapeAttribute(l10n.t('The last answer the gateway sent for this task, as it sent it. The API key is never shown here.'))}</p>
  <pre id="raw" tabindex="0"></pre>
</details>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** A codicon from the page's sprite, decorative: the text beside it says what it means. */
function icon(name: string): string {
  return `<svg class="codicon" aria-hidden="true"><use href="#codicon-${name}"></use></svg>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

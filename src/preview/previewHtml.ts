import { l10n } from '../l10n';
import { escapeAttribute, icon, renderPage, type PageSources } from '../webview/pageParts';

/**
 * The preview's static page. It holds no API data: the script fills it in
 * with `textContent` from `update` messages. Its own words are localized
 * here, on the host, so the webview script carries no text of its own.
 */
export function renderPreviewHtml(sources: PageSources): string {
  return renderPage(
    sources,
    l10n.t('Video preview'),
    `<main>
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
</main>`,
  );
}

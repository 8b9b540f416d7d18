import { l10n } from '../l10n';
import { escapeAttribute, icon, renderPage, type PageSources } from '../webview/pageParts';

/**
 * The compare page: its own words, localized here; both tasks come in an
 * `update` message and are drawn with `textContent`.
 */
export function renderCompareHtml(sources: PageSources): string {
  const text = escapeAttribute;
  const side = (index: 0 | 1): string => `<section class="side" aria-labelledby="name${index}">
    <h2 id="name${index}"></h2>
    <p class="note" id="status${index}"></p>
    <video id="video${index}" controls preload="metadata" playsinline${index === 1 ? ' muted' : ''}></video>
    <p class="note" id="noVideo${index}" role="status" hidden data-none="${text(l10n.t('This task has no video to play.'))}" data-failed="${text(l10n.t('The video did not load: its link may have expired. Its preview can ask the gateway again.'))}"></p>
    <button id="open${index}" type="button" class="secondary">${text(l10n.t('Open Preview'))}</button>
    <dl id="details${index}"></dl>
    <h3>${text(l10n.t('Prompt'))}</h3>
    <p class="prompt" id="prompt${index}" data-none="${text(l10n.t('The gateway has not said the prompt.'))}"></p>
  </section>`;
  return renderPage(
    sources,
    l10n.t('Compare videos'),
    `<main>
<h1>${text(l10n.t('Compare'))}</h1>
<div class="controls">
  <button id="playBoth" type="button" data-play="${text(l10n.t('Play Both'))}" data-pause="${text(l10n.t('Pause Both'))}">${icon('play')}<span id="playLabel">${text(l10n.t('Play Both'))}</span></button>
  <label>${text(l10n.t('Position'))} <input id="seek" type="range" min="0" max="1000" value="0" step="1"></label>
  <span id="time" class="note"></span>
  <label><input id="linked" type="checkbox" checked> ${text(l10n.t('Play, pause and seek together'))}</label>
</div>
<p class="note">${text(l10n.t('Space plays or pauses both, the left and right arrow keys move both 5 seconds. Words only one prompt has are highlighted. The second video starts muted.'))}</p>
<div class="sides">
  ${side(0)}
  ${side(1)}
</div>
</main>`,
  );
}

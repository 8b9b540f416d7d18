import { l10n } from '../l10n';
import { stateLabel } from '../views/taskPresentation';
import { escapeAttribute, icon, renderPage, type PageSources } from '../webview/pageParts';

/** The states the status filter offers: those of finished tasks. */
const FINISHED_STATES = ['succeeded', 'failed', 'cancelled'] as const;

/**
 * The gallery's static page: its own words, localized here; the cards come
 * in messages and are drawn with `textContent`. Templates for counts carry
 * `{0}` and `{1}`, which the script fills with numbers only.
 */
export function renderGalleryHtml(sources: PageSources): string {
  const text = escapeAttribute;
  return renderPage(
    sources,
    l10n.t('Video Gallery'),
    `<main>
<header id="toolbar" class="toolbar">
  <h1>${text(l10n.t('Gallery'))}</h1>
  <label class="search">${icon('search')}<span class="visually-hidden">${text(l10n.t('Filter'))}</span>
    <input id="text" type="search" placeholder="${text(l10n.t('Words in the name, prompt or model'))}" autocomplete="off" spellcheck="false">
  </label>
  <label>${text(l10n.t('Model'))}
    <select id="model"><option value="">${text(l10n.t('All models'))}</option></select>
  </label>
  <label>${text(l10n.t('Status'))}
    <select id="status">
      <option value="">${text(l10n.t('All'))}</option>
${FINISHED_STATES.map((state) => `      <option value="${state}">${text(stateLabel(state))}</option>`).join('\n')}
    </select>
  </label>
  <button id="compare" type="button" disabled>${icon('diff')}<span id="compareLabel" data-template="${text(l10n.t('Compare ({0}/2)'))}"></span></button>
</header>
<p id="count" class="note" role="status" aria-live="polite" data-one="${text(l10n.t('1 finished task'))}" data-all="${text(l10n.t('{0} finished tasks'))}" data-some="${text(l10n.t('{0} of {1} finished tasks'))}"></p>
<p class="note">${text(l10n.t('Arrow keys move, Enter opens the preview, Space selects two videos to compare (Ctrl+click with the mouse). Videos play muted while the pointer rests on them.'))}</p>
<div id="grid" role="listbox" tabindex="0" aria-multiselectable="true" aria-label="${text(l10n.t('Finished video tasks'))}"></div>
<p id="empty" class="note" hidden data-none="${text(l10n.t('No task has finished yet. Finished videos appear here.'))}" data-filtered="${text(l10n.t('No finished task matches the filter.'))}"></p>
</main>`,
  );
}

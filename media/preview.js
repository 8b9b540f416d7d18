// @ts-check
// The preview webview. It renders only what the host sends, always through
// textContent or vetted element properties, and talks back through the
// messages defined in src/preview/protocol.ts.

/** @typedef {import('../src/preview/protocol').HostMessage} HostMessage */
/** @typedef {import('../src/preview/protocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../src/preview/protocol').PreviewModel} PreviewModel */
/** @typedef {import('../src/preview/protocol').PreviewState} PreviewState */

(function () {
  // @ts-expect-error acquireVsCodeApi is injected by VS Code into every webview.
  const vscode = /** @type {{ postMessage(message: WebviewMessage): void; setState(state: PreviewState): void }} */ (acquireVsCodeApi());

  /**
   * @template {HTMLElement} T
   * @param {string} id
   * @param {new () => T} type
   * @returns {T}
   */
  function element(id, type) {
    const found = document.getElementById(id);
    if (!(found instanceof type)) {
      throw new Error(`preview: missing #${id}`);
    }
    return found;
  }

  const { statusIcon, statusIconShape } = findStatusIcon();
  const status = element('status', HTMLElement);
  const progress = element('progress', HTMLProgressElement);
  const error = element('error', HTMLElement);
  const player = element('player', HTMLElement);
  const video = element('video', HTMLVideoElement);
  const refused = element('refused', HTMLElement);
  const videoInfo = element('videoInfo', HTMLElement);
  const loop = element('loop', HTMLButtonElement);
  const speed = element('speed', HTMLSelectElement);
  const openExternal = element('openExternal', HTMLButtonElement);
  const copyUrl = element('copyUrl', HTMLButtonElement);
  const download = element('download', HTMLButtonElement);
  const copyPrompt = element('copyPrompt', HTMLButtonElement);
  const generateAgain = element('generateAgain', HTMLButtonElement);
  const keepCopy = element('keepCopy', HTMLButtonElement);
  const refreshTask = element('refreshTask', HTMLButtonElement);
  const linkNote = element('linkNote', HTMLElement);
  /** What to say when the player cannot load the video; from the latest update. */
  let loadFailed = /** @type {string | undefined} */ (undefined);
  const sourceLine = element('sourceLine', HTMLElement);
  const source = element('source', HTMLElement);
  const generatedSection = element('generatedSection', HTMLElement);
  const generated = element('generated', HTMLElement);
  const enhancedPromptSection = element('enhancedPromptSection', HTMLElement);
  const enhancedPrompt = element('enhancedPrompt', HTMLElement);
  const promptSection = element('promptSection', HTMLElement);
  const prompt = element('prompt', HTMLElement);
  const details = element('details', HTMLElement);
  const notUnderstood = element('notUnderstood', HTMLElement);
  const rawSection = element('rawSection', HTMLDetailsElement);
  const raw = element('raw', HTMLElement);

  /** The status codicon: an `<svg>` whose `<use>` points into the page's sprite. */
  function findStatusIcon() {
    const found = document.getElementById('statusIcon');
    const shape = found?.querySelector('use');
    if (!(found instanceof SVGSVGElement) || !shape) {
      throw new Error('preview: missing #statusIcon');
    }
    return { statusIcon: found, statusIconShape: shape };
  }

  /**
   * @param {HTMLElement} target
   * @param {string | undefined} text
   * @param {HTMLElement} [container] hidden together with the text when there is none
   */
  function setText(target, text, container = target) {
    target.textContent = text ?? '';
    container.hidden = text === undefined || text === '';
  }

  /**
   * A related task: a link-styled button that asks the host to open its
   * preview, or plain text when it is no longer tracked.
   * @param {import('../src/tasks/lineage').RelatedTask} task
   */
  function relatedTask(task) {
    if (!task.tracked) {
      const text = document.createElement('span');
      text.textContent = task.name;
      return text;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = task.name;
    button.addEventListener('click', () => vscode.postMessage({ type: 'openTask', taskId: task.id }));
    return button;
  }

  /** Only the URLs the host vetted reach the player; anything else is refused here too. */
  /** @param {string | undefined} url */
  function isPlayable(url) {
    return url !== undefined && /^(https:|http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/])/.test(url);
  }

  /** @param {PreviewModel} model */
  function render(model) {
    document.body.dataset.state = model.state;
    // A live region: said again only when the status changes, not on every poll.
    if (status.textContent !== model.statusLabel) {
      status.textContent = model.statusLabel;
    }
    const [icon, modifier] = model.icon.split('~');
    statusIconShape.setAttribute('href', `#codicon-${icon}`);
    statusIcon.classList.toggle('spin', modifier === 'spin');
    progress.hidden = model.progress === undefined;
    progress.value = model.progress ?? 0;
    progress.textContent = model.progress === undefined ? '' : `${model.progress}%`;
    setText(error, model.error);
    setText(notUnderstood, model.notUnderstood);
    setText(refused, model.videoRefused);

    const videoUrl = isPlayable(model.videoUrl) ? model.videoUrl : undefined;
    const sameVideo = videoUrl !== undefined && video.getAttribute('src') === videoUrl;
    player.hidden = videoUrl === undefined;
    if (videoUrl === undefined) {
      if (video.hasAttribute('src')) {
        video.removeAttribute('src');
        video.load(); // Drops what was buffered, so a refused URL stops playing too.
      }
    } else if (video.getAttribute('src') !== videoUrl) {
      video.poster = isPlayable(model.posterUrl) && model.posterUrl ? model.posterUrl : '';
      video.src = videoUrl;
    }
    openExternal.hidden = videoUrl === undefined || model.localCopy === true;
    copyUrl.hidden = videoUrl === undefined || model.localCopy === true;
    download.hidden = videoUrl === undefined;

    setText(enhancedPrompt, model.enhancedPrompt, enhancedPromptSection);
    setText(prompt, model.prompt, promptSection);
    copyPrompt.hidden = model.enhancedPrompt === undefined && model.prompt === undefined;
    generateAgain.hidden = !model.canGenerateAgain;
    keepCopy.hidden = !model.canKeepCopy;
    loadFailed = model.loadFailed;
    // A load failure already shown stays while the same link is shown: it fails the same way.
    if (!(linkNote.dataset.failed === 'true' && sameVideo)) {
      linkNote.dataset.failed = 'false';
      setText(linkNote, model.linkExpired);
    }
    refreshTask.hidden = linkNote.hidden;
    sourceLine.hidden = model.source === undefined;
    source.replaceChildren(...(model.source === undefined ? [] : [relatedTask(model.source)]));
    generatedSection.hidden = model.generated.length === 0;
    generated.replaceChildren(
      ...model.generated.map((task) => {
        const item = document.createElement('li');
        item.append(relatedTask(task));
        return item;
      }),
    );

    const rows = model.details.flatMap(({ label, value }) => {
      const term = document.createElement('dt');
      term.textContent = label;
      const description = document.createElement('dd');
      description.textContent = value;
      return [term, description];
    });
    details.replaceChildren(...rows);
  }

  window.addEventListener('message', (event) => {
    const message = /** @type {HostMessage} */ (event.data);
    if (message && message.type === 'update') {
      vscode.setState({ taskId: message.model.taskId });
      render(message.model);
      if (rawSection.open) {
        vscode.postMessage({ type: 'loadRaw' }); // The answer the update came from.
      }
    } else if (message && message.type === 'raw') {
      raw.textContent = message.text ?? rawSection.dataset.empty ?? '';
    }
  });

  /** "1280×720 · 0:08", once the browser knows the video's size and length. */
  function describeVideo() {
    const seconds = Math.round(video.duration);
    const length = Number.isFinite(seconds) ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` : '';
    videoInfo.textContent = [video.videoWidth > 0 ? `${video.videoWidth}×${video.videoHeight}` : '', length].filter(Boolean).join(' · ');
  }

  function toggleLoop() {
    video.loop = !video.loop;
    loop.setAttribute('aria-pressed', String(video.loop));
  }

  video.addEventListener('loadedmetadata', describeVideo);
  video.addEventListener('emptied', () => (videoInfo.textContent = ''));
  // Not a black box: a link that stopped working says so, and offers to ask again.
  video.addEventListener('error', () => {
    if (video.getAttribute('src') && loadFailed !== undefined) {
      linkNote.dataset.failed = 'true';
      setText(linkNote, loadFailed);
      refreshTask.hidden = false;
    }
  });
  loop.addEventListener('click', toggleLoop);
  speed.addEventListener('change', () => (video.playbackRate = Number(speed.value)));
  // Playback keys work anywhere in the preview except where they mean something else (buttons, the speed list).
  document.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (player.hidden || event.ctrlKey || event.metaKey || event.altKey || target.closest('button, select, input, video')) {
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      void (video.paused ? video.play().catch(() => undefined) : video.pause());
    } else if (event.key === 'f' || event.key === 'F') {
      void (document.fullscreenElement ? document.exitFullscreen() : video.requestFullscreen()).catch(() => undefined);
    } else if (event.key === 'l' || event.key === 'L') {
      toggleLoop();
    }
  });

  openExternal.addEventListener('click', () => vscode.postMessage({ type: 'openExternal' }));
  copyUrl.addEventListener('click', () => vscode.postMessage({ type: 'copyUrl' }));
  download.addEventListener('click', () => vscode.postMessage({ type: 'download' }));
  copyPrompt.addEventListener('click', () => vscode.postMessage({ type: 'copyPrompt' }));
  generateAgain.addEventListener('click', () => vscode.postMessage({ type: 'generateAgain' }));
  keepCopy.addEventListener('click', () => vscode.postMessage({ type: 'keepCopy' }));
  refreshTask.addEventListener('click', () => {
    vscode.postMessage({ type: 'refresh' });
    // The same link may work again (a host that was down): try it once more; a new link comes with the update.
    if (linkNote.dataset.failed === 'true' && video.getAttribute('src')) {
      linkNote.dataset.failed = 'false';
      video.load();
    }
  });
  rawSection.addEventListener('toggle', () => {
    if (rawSection.open) {
      vscode.postMessage({ type: 'loadRaw' });
    }
  });

  vscode.postMessage({ type: 'ready' });
})();

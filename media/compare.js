// @ts-check
// The compare webview: two tasks side by side, their players kept together
// (play, pause and seek either, and the other follows), and their prompts
// with the words only one has highlighted. It renders only what the host
// sends, through textContent and vetted element properties, and talks back
// through the messages of src/compare/protocol.ts.

/** @typedef {import('../src/compare/protocol').CompareHostMessage} CompareHostMessage */
/** @typedef {import('../src/compare/protocol').CompareWebviewMessage} CompareWebviewMessage */
/** @typedef {import('../src/compare/protocol').CompareSide} CompareSide */
/** @typedef {import('../src/compare/protocol').CompareState} CompareState */
/** @typedef {{ name: HTMLElement; status: HTMLElement; video: HTMLVideoElement; noVideo: HTMLElement; open: HTMLButtonElement; details: HTMLElement; prompt: HTMLElement }} SideView */

(function () {
  // @ts-expect-error acquireVsCodeApi is injected by VS Code into every webview.
  const vscode = /** @type {{ postMessage(message: CompareWebviewMessage): void; setState(state: CompareState): void }} */ (acquireVsCodeApi());
  /** Players further apart than this, in seconds, are brought together. */
  const DRIFT = 0.25;
  const STEP_SECONDS = 5;

  /**
   * @template {HTMLElement} T
   * @param {string} id
   * @param {new () => T} type
   * @returns {T}
   */
  function element(id, type) {
    const found = document.getElementById(id);
    if (!(found instanceof type)) {
      throw new Error(`compare: missing #${id}`);
    }
    return found;
  }

  const playBoth = element('playBoth', HTMLButtonElement);
  const playLabel = element('playLabel', HTMLElement);
  const seek = element('seek', HTMLInputElement);
  const time = element('time', HTMLElement);
  const linked = element('linked', HTMLInputElement);
  const sides = [0, 1].map((index) => /** @type {SideView} */ ({
    name: element(`name${index}`, HTMLElement),
    status: element(`status${index}`, HTMLElement),
    video: element(`video${index}`, HTMLVideoElement),
    noVideo: element(`noVideo${index}`, HTMLElement),
    open: element(`open${index}`, HTMLButtonElement),
    details: element(`details${index}`, HTMLElement),
    prompt: element(`prompt${index}`, HTMLElement),
  }));
  const videos = sides.map((side) => side.video);

  /** Only the URLs the host vetted reach a player; anything else is refused here too. */
  /** @param {string | undefined} url */
  function isPlayable(url) {
    return url !== undefined && /^(https:|http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/])/.test(url);
  }

  /** The players with a video. */
  function loaded() {
    return videos.filter((video) => video.hasAttribute('src'));
  }

  /** The longer of the two lengths: the shared position runs over it. */
  function longest() {
    return Math.max(0, ...loaded().map((video) => (Number.isFinite(video.duration) ? video.duration : 0)));
  }

  /** @param {number} seconds */
  function clock(seconds) {
    const whole = Math.floor(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }

  function showPosition() {
    const total = longest();
    const now = Math.max(0, ...loaded().map((video) => video.currentTime));
    seek.value = total > 0 ? String(Math.round((now / total) * 1000)) : '0';
    time.textContent = total > 0 ? `${clock(now)} / ${clock(total)}` : '';
    seek.setAttribute('aria-valuetext', time.textContent);
    const playing = loaded().some((video) => !video.paused);
    playLabel.textContent = (playing ? playBoth.dataset.pause : playBoth.dataset.play) ?? '';
    playBoth.querySelector('use')?.setAttribute('href', playing ? '#codicon-debug-pause' : '#codicon-play');
  }

  /** A player's length, or `fallback` while it is not known. @param {HTMLVideoElement} video @param {number} fallback */
  function lengthOf(video, fallback) {
    return Number.isFinite(video.duration) ? video.duration : fallback;
  }

  /**
   * Both players at one position (a shorter video waits on its last frame);
   * if one is playing, the other plays on from there too.
   * @param {number} seconds
   */
  function seekBoth(seconds) {
    const playing = loaded().some((video) => !video.paused);
    for (const video of loaded()) {
      video.currentTime = Math.max(0, Math.min(seconds, lengthOf(video, seconds)));
      if (playing && video.paused && video.currentTime < lengthOf(video, Infinity)) {
        void video.play().catch(() => undefined);
      }
    }
  }

  function togglePlayBoth() {
    const players = loaded();
    if (players.some((video) => !video.paused)) {
      players.forEach((video) => video.pause());
      return;
    }
    // From where the further one is (a shorter video that ended would otherwise start over alone), or from the start once both ended.
    const at = players.every((video) => video.ended) ? 0 : Math.max(0, ...players.map((video) => video.currentTime));
    for (const video of players) {
      video.currentTime = Math.min(at, lengthOf(video, at));
      if (video.currentTime < lengthOf(video, Infinity)) {
        void video.play().catch(() => undefined);
      }
    }
  }

  // Either player leads: what is done to one is done to the other, unless the two are unlinked.
  // Each handler only acts when the other differs, so following never echoes back.
  videos.forEach((video, index) => {
    const other = videos[1 - index];
    video.addEventListener('play', () => {
      if (linked.checked && other.hasAttribute('src') && other.paused && !other.ended) {
        void other.play().catch(() => undefined);
      }
      showPosition();
    });
    video.addEventListener('pause', () => {
      // A video that reached its end pauses itself; the longer one plays on.
      if (linked.checked && !video.ended && !other.paused) {
        other.pause();
      }
      showPosition();
    });
    video.addEventListener('seeked', () => {
      const target = Math.min(video.currentTime, lengthOf(other, video.currentTime));
      if (linked.checked && other.hasAttribute('src') && Math.abs(other.currentTime - target) > DRIFT) {
        other.currentTime = target;
      }
    });
    video.addEventListener('timeupdate', () => {
      showPosition();
      // Two hosts buffer differently: the second player is brought back to the first when they drift apart.
      if (index === 0 && linked.checked && !video.paused && !other.paused && video.currentTime < lengthOf(other, Infinity) && Math.abs(other.currentTime - video.currentTime) > 2 * DRIFT) {
        other.currentTime = video.currentTime;
      }
    });
    video.addEventListener('loadedmetadata', showPosition);
    // A link that no longer works says so instead of leaving a black box.
    video.addEventListener('error', () => {
      if (video.hasAttribute('src')) {
        sides[index].noVideo.textContent = sides[index].noVideo.dataset.failed ?? '';
        sides[index].noVideo.hidden = false;
      }
    });
  });

  playBoth.addEventListener('click', togglePlayBoth);
  seek.addEventListener('input', () => seekBoth((Number(seek.value) / 1000) * longest()));
  document.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('button, input, select, video')) {
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      togglePlayBoth();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const now = Math.max(0, ...loaded().map((video) => video.currentTime));
      seekBoth(now + (event.key === 'ArrowRight' ? STEP_SECONDS : -STEP_SECONDS));
    }
  });
  sides.forEach((side, index) => side.open.addEventListener('click', () => vscode.postMessage({ type: 'open', side: index === 0 ? 0 : 1 })));

  /** @param {SideView} side @param {CompareSide} model */
  function render(side, model) {
    side.name.textContent = model.name;
    side.status.textContent = model.statusLabel;
    const url = isPlayable(model.videoUrl) ? model.videoUrl : undefined;
    side.noVideo.textContent = side.noVideo.dataset.none ?? '';
    side.noVideo.hidden = url !== undefined;
    side.video.hidden = url === undefined;
    if (url === undefined) {
      if (side.video.hasAttribute('src')) {
        side.video.removeAttribute('src');
        side.video.load();
      }
    } else if (side.video.getAttribute('src') !== url) {
      side.video.poster = isPlayable(model.posterUrl) && model.posterUrl ? model.posterUrl : '';
      side.video.src = url;
    }
    side.details.replaceChildren(
      ...model.details.flatMap(({ label, value }) => {
        const term = document.createElement('dt');
        term.textContent = label;
        const description = document.createElement('dd');
        description.textContent = value;
        return [term, description];
      }),
    );
    if (model.prompt === undefined) {
      side.prompt.textContent = side.prompt.dataset.none ?? '';
      side.prompt.classList.add('note');
      return;
    }
    side.prompt.classList.remove('note');
    side.prompt.replaceChildren(
      ...model.prompt.map((part) => {
        if (!part.changed) {
          return document.createTextNode(part.text);
        }
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        return mark;
      }),
    );
  }

  window.addEventListener('message', (event) => {
    const message = /** @type {CompareHostMessage} */ (event.data);
    if (message && message.type === 'update') {
      vscode.setState({ taskIds: [message.sides[0].taskId, message.sides[1].taskId] });
      render(sides[0], message.sides[0]);
      render(sides[1], message.sides[1]);
      showPosition();
    }
  });

  vscode.postMessage({ type: 'ready' });
})();

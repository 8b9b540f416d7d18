// @ts-check
// The gallery webview: a grid of finished tasks that draws only the cards in
// view, so a thousand tasks scroll as smoothly as ten. It renders only what
// the host sends, through textContent and vetted element properties, and
// talks back through the messages of src/gallery/protocol.ts.

/** @typedef {import('../src/gallery/protocol').GalleryCard} GalleryCard */
/** @typedef {import('../src/gallery/protocol').GalleryHostMessage} GalleryHostMessage */
/** @typedef {import('../src/gallery/protocol').GalleryWebviewMessage} GalleryWebviewMessage */
/** @typedef {import('../src/gallery/protocol').GalleryState} GalleryState */

(function () {
  // @ts-expect-error acquireVsCodeApi is injected by VS Code into every webview.
  const vscode = /** @type {{ postMessage(message: GalleryWebviewMessage): void; setState(state: GalleryState): void; getState(): GalleryState | undefined }} */ (acquireVsCodeApi());
  const SVG = 'http://www.w3.org/2000/svg';
  /** Card geometry, in CSS pixels: the grid is laid out here, not by CSS, so only the cards in view exist. */
  const MIN_CARD_WIDTH = 220;
  const GAP = 12;
  const TEXT_HEIGHT = 48;
  /** Rows drawn above and below the visible ones, so a quick scroll shows no gaps. */
  const SPARE_ROWS = 2;

  /**
   * @template {HTMLElement} T
   * @param {string} id
   * @param {new () => T} type
   * @returns {T}
   */
  function element(id, type) {
    const found = document.getElementById(id);
    if (!(found instanceof type)) {
      throw new Error(`gallery: missing #${id}`);
    }
    return found;
  }

  const text = element('text', HTMLInputElement);
  const model = element('model', HTMLSelectElement);
  const status = element('status', HTMLSelectElement);
  const compare = element('compare', HTMLButtonElement);
  const compareLabel = element('compareLabel', HTMLElement);
  const count = element('count', HTMLElement);
  const grid = element('grid', HTMLElement);
  const toolbar = element('toolbar', HTMLElement);
  const empty = element('empty', HTMLElement);
  const language = document.documentElement.lang || 'en';
  const ages = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });

  /** Every finished task, newest first, as the host last sent them. */
  let cards = /** @type {readonly GalleryCard[]} */ ([]);
  /** Those the filter lets through, in order. */
  let shown = /** @type {readonly GalleryCard[]} */ ([]);
  /** Ids chosen for Compare, oldest first; at most two. */
  let selected = /** @type {string[]} */ ([]);
  /** The index in `shown` of the card the keyboard is on. */
  let active = 0;
  /** The cards drawn now, by task id, with the card they show and its content as JSON (a card sent again unchanged keeps its node, and its player its frame). */
  const drawn = /** @type {Map<string, { node: HTMLElement; card: GalleryCard; json: string }>} */ (new Map());
  let layout = { columns: 1, cardWidth: MIN_CARD_WIDTH, rowHeight: 0 };

  const saved = vscode.getState();
  if (saved) {
    text.value = saved.text;
    status.value = saved.status;
    selected = [...saved.selected];
    // The model list and the cards arrive later; the saved choice and place are applied then.
    model.dataset.wanted = saved.model;
  }
  /** Where the user was before the page was hidden or reloaded: taken up once the first cards arrive. */
  let place = saved ? { activeId: saved.activeId, scrollY: saved.scrollY } : undefined;

  function save() {
    vscode.setState({ text: text.value, model: model.value, status: status.value, selected, activeId: shown[active]?.id, scrollY: window.scrollY });
  }

  /** @param {string} template @param {...number} values */
  function fill(template, ...values) {
    return template.replace(/\{(\d)\}/g, (_, index) => String(values[Number(index)] ?? ''));
  }

  /** Only the URLs the host vetted reach a player; anything else is refused here too. */
  /** @param {string | undefined} url */
  function isPlayable(url) {
    return url !== undefined && /^(https:|http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/])/.test(url);
  }

  /** "3 hours ago", in VS Code's display language. @param {number} then */
  function age(then) {
    const seconds = Math.round((then - Date.now()) / 1000);
    /** @type {[Intl.RelativeTimeFormatUnit, number][]} */
    const units = [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3600], ['minute', 60]];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) {
        return ages.format(Math.round(seconds / size), unit);
      }
    }
    return ages.format(seconds, 'second');
  }

  /** "0:08". @param {number} seconds */
  function length(seconds) {
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }

  /** @param {string} name */
  function codicon(name) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'codicon');
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS(SVG, 'use');
    use.setAttribute('href', `#codicon-${name.split('~')[0]}`);
    svg.append(use);
    return svg;
  }

  /** @param {GalleryCard} card */
  function metaLine(card) {
    return [card.model, card.statusLabel, age(card.finishedAt)].filter(Boolean).join(' · ');
  }

  /** One card's node; its place and selection are set by `draw`. @param {GalleryCard} card */
  function createCard(card) {
    const node = document.createElement('div');
    node.className = 'card';
    node.setAttribute('role', 'option');
    node.dataset.id = card.id;
    node.dataset.state = card.state;
    if (card.prompt) {
      node.title = card.prompt;
    }
    const thumb = document.createElement('div');
    thumb.className = 'thumb';
    const video = isPlayable(card.videoUrl) ? card.videoUrl : undefined;
    const lengthNote = document.createElement('span');
    lengthNote.className = 'length';
    lengthNote.textContent = card.seconds === undefined ? '' : length(card.seconds);
    lengthNote.hidden = card.seconds === undefined;
    if (video !== undefined) {
      const player = document.createElement('video');
      player.muted = true;
      player.loop = true;
      player.playsInline = true;
      player.preload = 'metadata';
      if (isPlayable(card.posterUrl) && card.posterUrl) {
        player.poster = card.posterUrl;
      }
      // Without a thumbnail, the first frame stands in for one.
      player.src = card.posterUrl ? video : `${video}#t=0.1`;
      player.addEventListener('loadedmetadata', () => {
        if (Number.isFinite(player.duration)) {
          lengthNote.textContent = length(player.duration);
          lengthNote.hidden = false;
        }
      });
      // A link that no longer works shows a warning, not a black box; the preview says more.
      player.addEventListener('error', () => {
        if (player.hasAttribute('src')) {
          player.replaceWith(codicon('warning'));
          thumb.classList.add('no-video');
        }
      });
      thumb.append(player);
    } else {
      thumb.classList.add('no-video');
      thumb.append(codicon(card.icon));
    }
    const check = codicon('check');
    check.classList.add('check');
    thumb.append(lengthNote, check);
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = card.name;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = metaLine(card);
    node.append(thumb, name, meta);
    return node;
  }

  /** Takes a card out, and lets its player stop loading and let go of what it buffered. @param {HTMLElement} node */
  function removeCard(node) {
    const player = playerOf(node);
    if (player) {
      player.removeAttribute('src');
      player.load();
    }
    node.remove();
  }

  /** @param {HTMLElement} node */
  function playerOf(node) {
    const player = node.querySelector('video');
    return player instanceof HTMLVideoElement ? player : undefined;
  }

  function measure() {
    const width = grid.clientWidth;
    const columns = Math.max(1, Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP)));
    const cardWidth = (width - (columns - 1) * GAP) / columns;
    layout = { columns, cardWidth, rowHeight: Math.round((cardWidth * 9) / 16) + TEXT_HEIGHT + GAP };
    grid.style.height = `${Math.ceil(shown.length / columns) * layout.rowHeight}px`;
  }

  /** Draws the cards in view (and a few rows around them), and drops the rest. */
  function draw() {
    const { columns, cardWidth, rowHeight } = layout;
    const top = grid.getBoundingClientRect().top;
    const firstRow = Math.max(0, Math.floor(-top / rowHeight) - SPARE_ROWS);
    const lastRow = Math.max(firstRow, Math.ceil((window.innerHeight - top) / rowHeight) + SPARE_ROWS);
    const from = firstRow * columns;
    const to = Math.min(shown.length, (lastRow + 1) * columns);
    // The keyboard's card is drawn wherever it is: the grid names it as its active descendant.
    const indices = Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
    if (active < shown.length && (active < from || active >= to)) {
      indices.push(active);
    }
    const wanted = new Set(indices.map((index) => shown[index].id));
    for (const [id, { node }] of drawn) {
      if (!wanted.has(id)) {
        removeCard(node);
        drawn.delete(id);
      }
    }
    for (const index of indices) {
      const card = shown[index];
      const json = JSON.stringify(card);
      let entry = drawn.get(card.id);
      if (entry === undefined || entry.json !== json) {
        if (entry !== undefined) {
          removeCard(entry.node);
        }
        entry = { node: createCard(card), card, json };
        drawn.set(card.id, entry);
        grid.append(entry.node);
      }
      entry.card = card;
      const { node } = entry;
      node.id = `card-${index}`;
      node.setAttribute('aria-setsize', String(shown.length));
      node.setAttribute('aria-posinset', String(index + 1));
      node.setAttribute('aria-selected', String(selected.includes(card.id)));
      node.classList.toggle('active', index === active);
      node.style.transform = `translate(${(index % columns) * (cardWidth + GAP)}px, ${Math.floor(index / columns) * rowHeight}px)`;
      node.style.width = `${cardWidth}px`;
    }
    if (shown.length > 0) {
      grid.setAttribute('aria-activedescendant', `card-${active}`);
    } else {
      grid.removeAttribute('aria-activedescendant');
    }
  }

  function applyFilter() {
    const words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    const activeId = shown[active]?.id;
    shown = cards.filter((card) => {
      if ((model.value !== '' && card.model !== model.value) || (status.value !== '' && card.state !== status.value)) {
        return false;
      }
      const haystack = [card.name, card.id, card.model ?? '', card.prompt ?? ''].join('\n').toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    const kept = shown.findIndex((card) => card.id === (place?.activeId ?? activeId));
    active = kept === -1 ? 0 : kept;
    const counted =
      shown.length === cards.length
        ? fill((cards.length === 1 ? count.dataset.one : count.dataset.all) ?? '', cards.length)
        : fill(count.dataset.some ?? '', shown.length, cards.length);
    // Said again only when it changes: it is a live region.
    if (count.textContent !== counted) {
      count.textContent = counted;
    }
    empty.hidden = shown.length > 0;
    empty.textContent = (cards.length === 0 ? empty.dataset.none : empty.dataset.filtered) ?? '';
    measure();
    if (place !== undefined && cards.length > 0) {
      window.scrollTo(0, place.scrollY ?? 0);
      place = undefined;
    }
    draw();
    save();
  }

  function showSelection() {
    compare.disabled = selected.length !== 2;
    compareLabel.textContent = fill(compareLabel.dataset.template ?? '', selected.length);
    for (const { node, card } of drawn.values()) {
      node.setAttribute('aria-selected', String(selected.includes(card.id)));
    }
    save();
  }

  /** @param {string} id */
  function toggleSelected(id) {
    selected = selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id].slice(-2);
    showSelection();
  }

  /** Moves the keyboard to a card, scrolling it into view first, so it is drawn. @param {number} index */
  function moveTo(index) {
    if (shown.length === 0) {
      return;
    }
    active = Math.max(0, Math.min(shown.length - 1, index));
    const row = Math.floor(active / layout.columns);
    const top = grid.getBoundingClientRect().top + row * layout.rowHeight;
    // The toolbar stays at the top: a card under it is hidden too.
    const visibleTop = toolbar.getBoundingClientRect().bottom;
    if (top < visibleTop) {
      window.scrollBy(0, top - visibleTop - GAP);
    } else if (top + layout.rowHeight > window.innerHeight) {
      window.scrollBy(0, top + layout.rowHeight - window.innerHeight + GAP);
    }
    draw();
  }

  /** @param {number} index */
  function open(index) {
    const card = shown[index];
    if (card) {
      vscode.postMessage({ type: 'open', taskId: card.id });
    }
  }

  grid.addEventListener('keydown', (event) => {
    const perPage = Math.max(1, Math.floor(window.innerHeight / layout.rowHeight)) * layout.columns;
    /** @type {Record<string, number>} */
    const moves = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      ArrowDown: active + layout.columns,
      ArrowUp: active - layout.columns,
      PageDown: active + perPage,
      PageUp: active - perPage,
      Home: 0,
      End: shown.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    } else if (event.key === ' ' && shown[active]) {
      event.preventDefault();
      toggleSelected(shown[active].id);
    }
  });

  grid.addEventListener('click', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.card') : null;
    const index = node instanceof HTMLElement ? shown.findIndex((card) => card.id === node.dataset.id) : -1;
    if (index === -1) {
      return;
    }
    active = index;
    draw();
    if (event.ctrlKey || event.metaKey) {
      toggleSelected(shown[index].id);
    } else {
      open(index);
    }
  });

  // Muted play while the pointer rests on a card.
  grid.addEventListener('mouseover', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.card') : null;
    const player = node instanceof HTMLElement ? playerOf(node) : undefined;
    if (player && player.paused) {
      void player.play().catch(() => undefined);
    }
  });
  grid.addEventListener('mouseout', (event) => {
    const node = event.target instanceof Element ? event.target.closest('.card') : null;
    const to = event.relatedTarget instanceof Element ? event.relatedTarget.closest('.card') : null;
    const player = node instanceof HTMLElement && node !== to ? playerOf(node) : undefined;
    player?.pause();
  });

  text.addEventListener('input', applyFilter);
  model.addEventListener('change', applyFilter);
  status.addEventListener('change', applyFilter);
  compare.addEventListener('click', () => {
    if (selected.length === 2) {
      vscode.postMessage({ type: 'compare', taskIds: selected });
    }
  });

  let frame = 0;
  const redraw = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      draw();
      save(); // The place, for when the page comes back.
    });
  };
  window.addEventListener('scroll', redraw, { passive: true });
  // The grid's width, not the window's: a scrollbar that appears narrows it too.
  new ResizeObserver(() => {
    measure();
    redraw();
  }).observe(grid);
  // Ages move on: "1 minute ago" becomes "2 minutes ago".
  (function refreshAges() {
    for (const { node, card } of drawn.values()) {
      const meta = node.querySelector('.meta');
      if (meta) {
        meta.textContent = metaLine(card);
      }
    }
    setTimeout(refreshAges, 60_000);
  })();

  window.addEventListener('message', (event) => {
    const message = /** @type {GalleryHostMessage} */ (event.data);
    if (!message || message.type !== 'cards') {
      return;
    }
    cards = message.cards;
    const wanted = model.dataset.wanted ?? model.value;
    delete model.dataset.wanted;
    const listed = [...model.options].slice(1).map((option) => option.value);
    // Rebuilt only when the models change: an open list would close.
    if (listed.join('\n') !== message.models.join('\n')) {
      const options = message.models.map((name) => {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        return option;
      });
      model.replaceChildren(/** @type {HTMLOptionElement} */ (model.options[0]), ...options);
    }
    model.value = message.models.includes(wanted) ? wanted : '';
    const ids = new Set(cards.map((card) => card.id));
    selected = selected.filter((id) => ids.has(id));
    applyFilter();
    showSelection();
  });

  showSelection();
  vscode.postMessage({ type: 'ready' });
})();

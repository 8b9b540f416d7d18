/** A run of a prompt: the same in both, or only in this one. */
export interface DiffPart {
  readonly text: string;
  readonly changed: boolean;
}

/** Above this many word pairs the full comparison costs too much; only the common start and end are found. */
const MAX_CELLS = 1_000_000;

/**
 * The two prompts split into runs that both share and runs only one has, by
 * words (whitespace kept with the word before it), from their longest common
 * subsequence. Very long prompts fall back to the common start and end, so a
 * hostile 20,000-character prompt costs little.
 */
export function diffPrompts(left: string, right: string): { readonly left: DiffPart[]; readonly right: DiffPart[] } {
  const a = words(left);
  const b = words(right);
  const same = (i: number, j: number): boolean => a[i].trimEnd() === b[j].trimEnd();
  let start = 0;
  while (start < a.length && start < b.length && same(start, start)) {
    start++;
  }
  let end = 0;
  while (end < a.length - start && end < b.length - start && same(a.length - 1 - end, b.length - 1 - end)) {
    end++;
  }
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const [keptA, keptB] =
    middleA.length * middleB.length <= MAX_CELLS ? commonWords(middleA, middleB) : [new Array<boolean>(middleA.length).fill(false), new Array<boolean>(middleB.length).fill(false)];
  const marks = (count: number, kept: boolean[]): boolean[] => [...new Array<boolean>(start).fill(true), ...kept, ...new Array<boolean>(count - start - kept.length).fill(true)];
  return { left: runs(a, marks(a.length, keptA)), right: runs(b, marks(b.length, keptB)) };
}

/** Words with the whitespace after them, so joined runs give back the prompt. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Which words of each list are in their longest common subsequence (compared without trailing whitespace). */
function commonWords(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const keyA = a.map((word) => word.trimEnd());
  const keyB = b.map((word) => word.trimEnd());
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = keyA[i] === keyB[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (keyA[i] === keyB[j]) {
      keptA[i++] = true;
      keptB[j++] = true;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return [keptA, keptB];
}

/** Neighbouring words with the same mark, joined; the space after a changed run is not part of the change. */
function runs(list: readonly string[], kept: readonly boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const add = (text: string, changed: boolean): void => {
    const last = parts.at(-1);
    if (last !== undefined && last.changed === changed) {
      parts[parts.length - 1] = { text: last.text + text, changed };
    } else if (text !== '') {
      parts.push({ text, changed });
    }
  };
  let changedRun = '';
  const endChangedRun = (): void => {
    const text = changedRun.trimEnd();
    add(text, true);
    add(changedRun.slice(text.length), false);
    changedRun = '';
  };
  list.forEach((word, index) => {
    if (kept[index]) {
      endChangedRun();
      add(word, false);
    } else {
      changedRun += word;
    }
  });
  endChangedRun();
  return parts;
}

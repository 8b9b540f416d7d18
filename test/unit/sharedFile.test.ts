import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SharedFile } from '../../src/tasks/sharedFile';
import { TaskFile } from '../../src/tasks/taskFile';
import { TaskStore } from '../../src/tasks/taskStore';
import { MemoryLogger } from './helpers/fakes';

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Two windows' views of one file on disk, as two extension hosts have them. */
describe('SharedFile', () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-file-'));
    file = path.join(folder, 'tasks.json');
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads what another window wrote, whole, and leaves no temporary files', async () => {
    const first = new SharedFile(file, new MemoryLogger());
    const second = new SharedFile(file, new MemoryLogger());
    assert.equal(second.read(), undefined, 'no file yet');
    await Promise.all(Array.from({ length: 20 }, (_, i) => first.write({ n: i })));
    assert.deepEqual(second.read(), { n: 19 }, 'writes land in the order they were made');
    assert.deepEqual(fs.readdirSync(folder), ['tasks.json']);
  });

  it('says while its own writes are on their way, also one that fails, and waits for the folder before writing', async () => {
    const subfolder = path.join(folder, 'later');
    let makeFolder: () => void = () => undefined;
    const folderReady = new Promise<void>((resolve) => (makeFolder = resolve));
    const shared = new SharedFile(path.join(subfolder, 'tasks.json'), new MemoryLogger(), folderReady);
    const written = Promise.all([shared.write({ n: 1 }), shared.write({ n: 2 })]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(shared.writing, true, 'still waiting for the folder');
    fs.mkdirSync(subfolder);
    makeFolder();
    await written;
    assert.equal(shared.writing, false);
    assert.deepEqual(shared.read(), { n: 2 });
    fs.rmSync(subfolder, { recursive: true });
    await assert.rejects(shared.write({ n: 3 }));
    assert.equal(shared.writing, false, 'a failed write is not on its way any more');
  });

  it('tells a window about another window’s writes, not its own', async () => {
    const first = new SharedFile(file, new MemoryLogger());
    const second = new SharedFile(file, new MemoryLogger());
    let firstHeard = 0;
    let secondHeard = 0;
    const watches = [first.watch(() => firstHeard++), second.watch(() => secondHeard++)];
    try {
      await first.write({ from: 'first' });
      await until('the second window to hear', () => secondHeard === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(firstHeard, 0, 'its own write is not news');
      second.writeNow({ from: 'second' });
      await until('the first window to hear', () => firstHeard === 1);
    } finally {
      watches.forEach((watch) => watch.dispose());
    }
  });

  it('moves a damaged file aside instead of reading it as empty and overwriting it', () => {
    fs.writeFileSync(file, '{"tasks": [');
    const log = new MemoryLogger();
    assert.equal(new SharedFile(file, log).read(), undefined);
    const aside = fs.readdirSync(folder).filter((name) => name.startsWith('tasks.json.damaged-'));
    assert.equal(aside.length, 1);
    assert.equal(fs.readFileSync(path.join(folder, aside[0]), 'utf8'), '{"tasks": [');
    assert.equal(fs.existsSync(file), false);
    assert.ok(log.lines.some((line) => line.includes('damaged')));
  });
});

describe('TaskFile', () => {
  it('starts from the tasks 0.8 kept in globalState, once per storage folder, and leaves them there', async () => {
    const folders = [fs.mkdtempSync(path.join(os.tmpdir(), 'task-file-')), fs.mkdtempSync(path.join(os.tmpdir(), 'task-file-'))];
    const state = new Map<string, unknown>([['anyapiVideo.tasks', { version: 2, tasks: [{ id: 'old', addedAt: 1 }], removed: {} }]]);
    const legacy = { get: (key: string) => state.get(key) };
    const open = (folder: string) => new TaskStore(new TaskFile(new SharedFile(path.join(folder, 'tasks.json'), new MemoryLogger()), legacy), new MemoryLogger());
    try {
      const local = open(folders[0]);
      assert.deepEqual(local.all().map((task) => task.id), ['old']);
      local.add(['new']);
      local.remove(['old']);
      await until('the file to be written', () => fs.existsSync(path.join(folders[0], 'tasks.json')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(open(folders[0]).all().map((task) => task.id), ['new'], 'after the first write, only the file counts');
      assert.ok(state.has('anyapiVideo.tasks'), 'globalState keeps them for other machines');
      assert.deepEqual(open(folders[1]).all().map((task) => task.id), ['old'], 'a remote window starts from them too');
    } finally {
      folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true }));
    }
  });
});

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { soloLease } from '../unit/helpers/soloLease';
import { testPoller } from '../unit/helpers/testPoller';
import { installVscodeStandIn } from './vscodeStandIn';
import { workbenchActivation, type WorkbenchActivation } from './workbenchActivation';

installVscodeStandIn();

// Modules that import `vscode` are required only after the stand-in is installed.
const { parseTaskSnapshot } = require('../../src/api/taskSnapshot') as typeof import('../../src/api/taskSnapshot');
const { VideoApiClient } = require('../../src/api/videoApiClient') as typeof import('../../src/api/videoApiClient');
const { serializeTasks } = require('../../src/tasks/persistence') as typeof import('../../src/tasks/persistence');
const { TaskStore } = require('../../src/tasks/taskStore') as typeof import('../../src/tasks/taskStore');
const { TaskTreeProvider } = require('../../src/views/taskTreeProvider') as typeof import('../../src/views/taskTreeProvider');
const { galleryCards, galleryModels, galleryOrigins } = require('../../src/gallery/galleryModel') as typeof import('../../src/gallery/galleryModel');
const { vetMediaUrl } = require('../../src/api/mediaUrl') as typeof import('../../src/api/mediaUrl');

type TrackedTask = import('../../src/tasks/trackedTask').TrackedTask;

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Bundle sizes, and `require` + `activate()` in 20 fresh processes with the vscode stand-in. */
function activation(): { bundleBytes: number; activationBundleBytes: number; activateMs: number; startedMs: number; requireMs: number; lazyBundlesAtActivation: boolean } {
  const extension = path.join(DIST, 'extension.js');
  const runs = Array.from({ length: 20 }, () => {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'activationRun.js'), extension], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`activation run failed: ${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { requireMs: number; activateMs: number; startedMs: number; loadedLazyBundle: boolean };
  });
  const activationBundleBytes = fs.statSync(extension).size;
  return {
    bundleBytes: ['undici.js', 'client.js', 'features.js'].reduce((sum, file) => sum + fs.statSync(path.join(DIST, file)).size, activationBundleBytes),
    activationBundleBytes,
    activateMs: round(median(runs.map((run) => run.activateMs))),
    startedMs: round(median(runs.map((run) => run.startedMs))),
    requireMs: round(median(runs.map((run) => run.requireMs))),
    lazyBundlesAtActivation: runs.some((run) => run.loadedLazyBundle),
  };
}

/** One poll sweep of 200 running tasks through the real client and scheduler, gateway latency 50 ms, 8 at once. */
async function sweep(): Promise<{ tasks: number; concurrency: number; latencyMs: number; measuredMs: number; limitMs: number; ratio: number }> {
  const tasks = 200;
  const concurrency = 8;
  const latencyMs = 50;
  const gateway = await startGatewayProcess(['--latency', String(latencyMs), '--running', String(tasks)]);
  try {
    const running: TrackedTask[] = Array.from({ length: tasks }, (_, i) => ({ id: `run-${i}`, addedAt: i }));
    const store = new TaskStore({ read: () => serializeTasks(running), write: async () => undefined }, silent);
    // Read before the clock starts, as the tree reads it right after activation: the sweep alone is measured.
    if (store.size !== tasks) {
      throw new Error('store did not load');
    }
    const client = new VideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: 30_000, proxy: { strictSSL: true } }), silent);
    // Warm the connection pool and undici's lazy load, as a session that has polled before would have.
    await Promise.all(Array.from({ length: concurrency }, () => client.query('run-0', 'test-key')));
    // One window alone: the claim counts at once (no settle), so only the sweep is measured.
    const lease = soloLease(60_000);
    const poller = testPoller({ store, client, intervalMs: 60_000, maxConcurrent: concurrency, key: () => 'test-key', lease, log: silent });
    const settled = new Promise<void>((resolve) => {
      let answered = 0;
      store.onDidChange(() => {
        answered++;
        if (answered === tasks) {
          resolve();
        }
      });
    });
    const started = performance.now();
    poller.start();
    await settled;
    const measuredMs = performance.now() - started;
    poller.dispose();
    lease.dispose();
    client.dispose();
    const limitMs = Math.ceil(tasks / concurrency) * latencyMs;
    return { tasks, concurrency, latencyMs, measuredMs: round(measuredMs, 1), limitMs, ratio: round(measuredMs / limitMs, 3) };
  } finally {
    gateway.stop();
  }
}

/** The fake gateway in its own process, so its work does not share the measured event loop. */
async function startGatewayProcess(args: string[]): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out', 'test', 'fakeGateway', 'main.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error('the fake gateway exited')));
  });
  return { url, stop: () => child.kill() };
}

/** Queries per second, the extension's client (undici, keep-alive) against global fetch; the gateway runs in its own process. */
async function http(): Promise<{ requests: number; concurrency: number; undiciRps: number; fetchRps: number; ratio: number }> {
  const requests = 5000;
  const concurrency = 8;
  const gateway = await startGatewayProcess([]);
  try {
    const url = gateway.url;
    const id = 'grok:299604b7-c5ea-47b5-bc64-c06f300f0d27';
    const client = new VideoApiClient(() => ({ baseUrl: url, timeoutMs: 30_000, proxy: { strictSSL: true } }), silent);
    const viaClient = (): Promise<unknown> => client.query(id, 'test-key');
    const queryUrl = `${url}/v1/video/query?id=${encodeURIComponent(id)}`;
    const headers = { authorization: 'Bearer test-key', accept: 'application/json', 'content-type': 'application/json' };
    const viaFetch = async (): Promise<unknown> => parseTaskSnapshot(await (await fetch(queryUrl, { headers })).json());
    const rate = async (query: () => Promise<unknown>): Promise<number> => {
      await run(query, 500, concurrency); // Warm-up: connections, JIT.
      const started = performance.now();
      await run(query, requests, concurrency);
      return requests / ((performance.now() - started) / 1000);
    };
    const fetchRps = await rate(viaFetch);
    const undiciRps = await rate(viaClient);
    client.dispose();
    return { requests, concurrency, undiciRps: Math.round(undiciRps), fetchRps: Math.round(fetchRps), ratio: round(undiciRps / fetchRps) };
  } finally {
    gateway.stop();
  }
}

async function run(query: () => Promise<unknown>, total: number, concurrency: number): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started++;
        await query();
      }
    }),
  );
}

/** 1,000 tracked tasks: item events when 10 change in a sweep, and the time to build every tree item. */
function tree(): { tasks: number; changed: number; itemEventsFired: number; fullRefreshes: number; buildMs: number } {
  const tasks = realisticTasks(1000);
  const store = new TaskStore({ read: () => serializeTasks(tasks), write: async () => undefined }, silent);
  const provider = new TaskTreeProvider(store);
  const ids = provider.getChildren();
  let itemEventsFired = 0;
  let fullRefreshes = 0;
  provider.onDidChangeTreeData((changed) => {
    if (changed === undefined) {
      fullRefreshes++;
    } else {
      itemEventsFired += changed.length;
    }
  });
  // A sweep over the 200 running tasks: 10 report new progress, the rest say what is known.
  for (const task of tasks.filter((candidate) => candidate.snapshot?.status === 'running')) {
    const changed = Number(task.id.split('-')[1]) < 10;
    store.recordSnapshot(task.id, { ...task.snapshot!, progress: changed ? 77 : task.snapshot!.progress });
  }
  const builds = Array.from({ length: 7 }, () => {
    const started = performance.now();
    for (const id of ids) {
      provider.getTreeItem(id);
    }
    return performance.now() - started;
  });
  provider.dispose();
  return { tasks: tasks.length, changed: 10, itemEventsFired, fullRefreshes, buildMs: round(median(builds)) };
}

/**
 * What one gallery update costs the extension host with 1,000 finished tasks:
 * the cards, their CSP origins and the message as posted (the page then draws
 * only the cards in view; that part is checked in the real workbench).
 */
function gallery(): { tasks: number; updateMs: number; messageBytes: number } {
  const tasks = realisticTasks(1200).slice(200);
  const vetMedia = (raw: string | undefined) => vetMediaUrl(raw, 'https://www.anyapi.vip');
  let messageBytes = 0;
  const updates = Array.from({ length: 9 }, () => {
    const started = performance.now();
    galleryOrigins(tasks, vetMedia, 'https://webview.example');
    const cards = galleryCards(tasks, vetMedia, () => undefined);
    messageBytes = JSON.stringify({ type: 'cards', cards, models: galleryModels(cards) }).length;
    return performance.now() - started;
  });
  return { tasks: tasks.length, updateMs: round(median(updates)), messageBytes };
}

/** Heap held per tracked task with a realistic snapshot (prompts of a few hundred characters, two URLs). */
function memory(): { tasks: number; heapBytesPerTask: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with node --expose-gc');
  }
  // Several collections: what the sweep and HTTP runs left behind is still being released, which once made this negative.
  const settledHeap = (): number => {
    for (let round = 0; round < 3; round++) {
      gc();
    }
    return process.memoryUsage().heapUsed;
  };
  const stored = JSON.stringify(serializeTasks(realisticTasks(1000)));
  const trials = Array.from({ length: 5 }, () => {
    const before = settledHeap();
    const store = new TaskStore({ read: () => JSON.parse(stored), write: async () => undefined }, silent);
    // The store reads on first use; look once, as the tree does right after activation.
    if (store.size !== 1000) {
      throw new Error('store did not load');
    }
    const after = settledHeap();
    store.dispose();
    return (after - before) / 1000;
  });
  return { tasks: 1000, heapBytesPerTask: Math.round(median(trials)) };
}

/** 200 running (with progress) and 800 finished tasks, with text of the sizes real gateways send. */
function realisticTasks(count: number): TrackedTask[] {
  return Array.from({ length: count }, (_, i) => {
    const running = i < 200;
    const id = running ? `run-${i}` : `grok:${i.toString(16).padStart(8, '0')}-9dee-455c-aa82-02ac623adf3a`;
    return {
      id,
      addedAt: 1_764_000_000_000 + i,
      checkedAt: 1_764_000_100_000 + i,
      snapshot: {
        serverId: id,
        rawStatus: running ? 'processing' : 'completed',
        status: running ? 'running' : 'succeeded',
        progress: running ? i % 100 : 100,
        model: 'grok-video-3',
        ratio: '3:2',
        prompt: `Task ${i}: a cow with wings flying over farmland at golden hour, cinematic, slow camera pan`,
        enhancedPrompt: `Task ${i}: A surreal and whimsical digital painting of a majestic brown cow with large, feathered wings soaring gracefully through a vibrant blue sky. The cow has a joyful expression, its tail streaming behind it as it flies among fluffy white clouds. Below, a patchwork of green farmland stretches into the distance.`,
        videoUrl: running ? undefined : `https://files.example.com/file_download/${i}-ae64-426e-99f0-f365bc3cd941.mp4`,
        thumbnailUrl: running ? undefined : `https://files.example.com/file_download/${i}-8091-4528-be32-335f4fc9af65.jpg`,
        updatedAt: 1_764_522_552_000 + i,
        completedAt: running ? undefined : 1_764_522_552_000 + i,
      },
    };
  });
}

/** The medians of runs of {@link measureWorkbenchActivation}. */
function medians(runs: readonly WorkbenchActivation[]): WorkbenchActivation {
  const of = (key: keyof WorkbenchActivation): number => median(runs.map((run) => run[key]));
  return { extensionMs: of('extensionMs'), baselineMs: of('baselineMs'), ownMs: of('ownMs'), gitBaseMs: of('gitBaseMs'), mergeConflictMs: of('mergeConflictMs') };
}

async function main(): Promise<void> {
  const vsix = path.join(DIST, 'anyapi-video-tasks.vsix');
  const standIn = activation();
  const sweepResult = await sweep();
  const httpResult = await http();
  const treeResult = tree();
  const galleryResult = gallery();
  const memoryResult = memory();
  // Last: code-server and Chromium leave the machine busy for a while after they stop, which would skew the rest.
  // 1,500 finished tasks, as stored by a window that tracked them.
  const runs = await workbenchActivation(vsix, serializeTasks(realisticTasks(1700).slice(200)));
  const [empty, stored] = [medians(runs.empty), medians(runs.stored)];
  const results = {
    activation: {
      ...standIn,
      // As VS Code reports it (Show Running Extensions), median of three fresh code-server workbenches;
      // beside it an extension that does nothing, loaded right before ours, and what is left: our own cost.
      workbenchMs: empty.extensionMs,
      baselineMs: empty.baselineMs,
      ownMs: empty.ownMs,
      gitBaseMs: empty.gitBaseMs,
      mergeConflictMs: empty.mergeConflictMs,
      with1500Tasks: { workbenchMs: stored.extensionMs, baselineMs: stored.baselineMs, ownMs: stored.ownMs, gitBaseMs: stored.gitBaseMs, mergeConflictMs: stored.mergeConflictMs },
      workbenchRuns: runs,
    },
    sweep: sweepResult,
    http: httpResult,
    tree: treeResult,
    gallery: galleryResult,
    memory: memoryResult,
    vsixBytes: fs.statSync(vsix).size,
  };
  const checks: [string, string, boolean][] = [
    ['activation bundle', `${results.activation.activationBundleBytes} B (≤ 61,440)`, results.activation.activationBundleBytes <= 60 * 1024],
    ['undici or features loaded at activation', String(results.activation.lazyBundlesAtActivation), !results.activation.lazyBundlesAtActivation],
    ...[empty, stored].map(
      (times, i): [string, string, boolean] => [
        `activation in VS Code, ${i === 0 ? 'no tasks' : '1,500 tasks'}`,
        `own ${times.ownMs} ms (≤ 10 and ≤ Git Base + 5); VS Code reports ${times.extensionMs} ms, an empty extension in our place ${times.baselineMs} ms; Git Base ${times.gitBaseMs} ms, Merge Conflict ${times.mergeConflictMs} ms`,
        times.ownMs <= 10 && times.ownMs <= times.gitBaseMs + 5,
      ],
    ),
    ['activate() with a stand-in vscode', `${results.activation.activateMs} ms (≤ 5), ${results.activation.startedMs} ms with what follows right after, require ${results.activation.requireMs} ms`, results.activation.activateMs <= 5],
    ['sweep', `${results.sweep.measuredMs} ms / ${results.sweep.limitMs} ms = ${results.sweep.ratio} (≤ 1.10)`, results.sweep.ratio <= 1.1],
    ['http', `undici ${results.http.undiciRps}/s, fetch ${results.http.fetchRps}/s, ratio ${results.http.ratio} (≥ 1.5)`, results.http.ratio >= 1.5],
    ['tree events', `${results.tree.itemEventsFired} items, ${results.tree.fullRefreshes} full refreshes (= 10, 0)`, results.tree.itemEventsFired === 10 && results.tree.fullRefreshes === 0],
    ['tree build', `${results.tree.buildMs} ms for 1,000 items (≤ 20)`, results.tree.buildMs <= 20],
    ['gallery update', `${results.gallery.updateMs} ms, ${results.gallery.messageBytes} B for 1,000 finished tasks (≤ 50 ms)`, results.gallery.updateMs <= 50],
    ['memory', `${results.memory.heapBytesPerTask} B per task (≤ 4,096)`, results.memory.heapBytesPerTask <= 4096],
    ['vsix', `${results.vsixBytes} B (≤ 256,000)`, results.vsixBytes <= 250 * 1024],
  ];
  const width = Math.max(...checks.map(([name]) => name.length));
  process.stdout.write('\nAnyAPI Video benchmark\n\n');
  for (const [name, value, ok] of checks) {
    process.stdout.write(`  ${ok ? 'ok  ' : 'MISS'}  ${name.padEnd(width)}  ${value}\n`);
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

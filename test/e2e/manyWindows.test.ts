import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FakeGateway } from '../fakeGateway/fakeGateway';
import { completingScript } from '../fakeGateway/scenarios';
import { EXTENSION_ID } from './harness/codeServer';
import { recordScenarios, Session } from './harness/session';
import type { Workbench } from './harness/workbench';

/** The poll interval the session sets, in ms. */
const INTERVAL_MS = 2000;

/**
 * Two tabs of one code-server in the same browser context: one profile, two
 * windows, as two desktop windows of one profile. Nothing tracked, renamed or
 * removed in one is lost in the other, and only one of them polls.
 */
describe('End to end: two windows of one profile', function () {
  this.timeout(240_000);
  let session: Session | undefined;
  let second: Workbench | undefined;
  const first = () => session!.workbench;
  const gateway = (): FakeGateway => session!.gateway;

  /** The polling lease every window of the profile shares, as the extension wrote it. */
  const lease = (): { owner?: string } => {
    const file = path.join(session!.server.root, 'user-data', 'User', 'globalStorage', EXTENSION_ID, 'poller.json');
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { owner?: string };
  };

  /** Tracks `id` in `tab` from the Command Palette. */
  const track = async (tab: Workbench, id: string): Promise<void> => {
    await tab.runCommand('Track Video Task');
    await tab.answerInput('Track Video Task', id);
  };

  before(async () => {
    session = await Session.start({ name: 'many-windows' });
    for (const id of ['mw-first', 'mw-second', 'mw-failover']) {
      // Pending, processing, then done: a task that finishes on its third check.
      gateway().setTask(id, completingScript(id, gateway(), 1));
    }
    await first().runCommand('Set API Key');
    await first().answerInput('Set API Key', gateway().apiKey!);
    await first().openSidebar();
    second = await first().openTab();
    await second.openSidebar();
  });
  recordScenarios(() => session);

  it('shows a task tracked in either window in both, and polls each once per check', async () => {
    await track(first(), 'mw-first');
    await track(second!, 'mw-second');
    for (const tab of [first(), second!]) {
      for (const id of ['mw-first', 'mw-second']) {
        await tab.waitForIcon(id, 'pass', 30_000);
      }
    }
    // Let a few more intervals pass: a finished task is asked no more, by either window.
    await first().page.waitForTimeout(3 * INTERVAL_MS);
    assert.equal(gateway().queriesFor('mw-first').length, 3, 'three checks, not six');
    assert.equal(gateway().queriesFor('mw-second').length, 3, 'three checks, not six');
  });

  it('shows a rename in the other window, and a removal stays removed after both reload', async () => {
    await second!.contextMenu('mw-first', 'Rename…');
    await second!.answerInput('Rename mw-first', 'Flying cow');
    await first().row('mw-first').locator('.label-name', { hasText: 'Flying cow' }).waitFor({ timeout: 10_000 });

    await first().contextMenu('mw-second', 'Stop Tracking');
    await second!.row('mw-second').waitFor({ state: 'detached', timeout: 10_000 });

    for (const tab of [first(), second!]) {
      const reloaded = tab.page.waitForEvent('load');
      await tab.runAnyCommand('Developer: Reload Window');
      await reloaded;
      await tab.waitReady();
      await tab.openSidebar();
    }
    for (const tab of [first(), second!]) {
      await tab.row('mw-first').locator('.label-name', { hasText: 'Flying cow' }).waitFor({ timeout: 20_000 });
      assert.deepEqual(await tab.taskIds(), ['mw-first']);
    }
  });

  it('goes on polling in the other window when the polling window closes', async () => {
    // Refresh takes polling over in the window it runs in: that window is the one to close.
    await second!.runCommand('Refresh');
    await second!.page.waitForTimeout(1000);
    const closing = lease().owner;
    assert.ok(closing, 'a window holds the lease');
    await track(second!, 'mw-failover');
    await first().row('mw-failover').waitFor({ timeout: 10_000 });
    while (gateway().queriesFor('mw-failover').length < 1) {
      await first().page.waitForTimeout(100);
    }
    const closedAt = Date.now();
    await second!.closeTab();
    second = undefined;
    while (lease().owner === closing) {
      assert.ok(Date.now() - closedAt <= 2 * INTERVAL_MS, `no other window took over within two intervals (${INTERVAL_MS} ms each)`);
      await first().page.waitForTimeout(100);
    }
    await first().waitForIcon('mw-failover', 'pass', 30_000);
    assert.equal(gateway().queriesFor('mw-failover').length, 3, 'no check lost or repeated in the handover');
  });
});

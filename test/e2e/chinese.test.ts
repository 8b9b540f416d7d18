import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { completingScript, failingScript } from '../fakeGateway/scenarios';
import { recordScenarios, Session } from './harness/session';

/**
 * The extension in a workbench whose display language is 简体中文: what a
 * person sees in the sidebar, the palette, input boxes, notifications, the
 * tree, the status bar and the preview is Chinese. (The workbench's own
 * strings stay English: see `writeLanguagePack` in the harness.)
 */
describe('End to end: the Chinese UI (zh-cn)', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;
  const gateway = () => session!.gateway;

  before(async () => {
    session = await Session.start({
      name: 'chinese',
      locale: { id: 'zh-cn', words: { category: 'AnyAPI 视频', viewName: '视频任务', taskRowPrefix: '视频任务 ', taskRowSeparator: '，' } },
    });
    gateway().apiKey = `sk-zh-${randomBytes(12).toString('hex')}`;
    gateway().setTask('grok:zh-ready', completingScript('grok:zh-ready', gateway(), 1));
    gateway().setTask('grok:zh-running', completingScript('grok:zh-running', gateway(), 30));
    gateway().setTask('veo:zh-failure', failingScript('veo:zh-failure'));
  });
  recordScenarios(() => session);

  it('welcomes in Chinese and takes the key from a Chinese password box', async () => {
    await wb().openSidebar();
    await wb().tasksView().getByText('设置你的 AnyAPI 密钥后即可查询视频任务状态').waitFor();
    await wb().tasksView().getByRole('button', { name: '设置 API 密钥' }).waitFor();
    await wb().runCommand('设置 API 密钥');
    await wb().expectValidation('设置 API 密钥', 'sk with spaces', /API 密钥中不能有空格或换行/);
    await wb().answerInput('设置 API 密钥', gateway().apiKey!);
    await wb().tasksView().getByText('还没有跟踪任何视频任务').waitFor();
  });

  it('explains bad input in Chinese and tracks tasks from the palette', async () => {
    await wb().runCommand('跟踪视频任务');
    await wb().expectValidation('跟踪视频任务', '<b>nope</b>', /看起来不是任务 ID/);
    await wb().answerInput('跟踪视频任务', 'grok:zh-ready grok:zh-running veo:zh-failure');
    await wb().waitForIcon('grok:zh-ready', 'pass');
    await wb().waitForIcon('veo:zh-failure', 'error');
    assert.match(await wb().descriptionOf('grok:zh-ready'), /^已完成 · grok-3 · 更新于/);
    assert.match(await wb().descriptionOf('grok:zh-running'), /^(排队中|运行中)/);
    await wb().waitForNotification(/视频已生成：grok:zh-ready/);
    await wb().waitForNotification(/视频任务 veo:zh-failure 失败/);
  });

  it('counts running videos in Chinese in the status bar', async () => {
    assert.match((await wb().statusItem().getAttribute('aria-label')) ?? '', /^AnyAPI 视频：1 个视频正在生成/);
    assert.match((await wb().statusItem().textContent()) ?? '', /1 个视频/);
  });

  it('offers Chinese choices in quick picks and context menus', async () => {
    await wb().runCommand('分组方式…');
    await wb().chooseQuickPickRow(/^状态$/);
    await wb().tasksView().locator('.monaco-list-row[aria-label^="分组 已完成，"]').waitFor();
    await wb().tasksView().locator('.monaco-list-row[aria-label^="分组 失败，"]').waitFor();
    await wb().runCommand('分组方式…');
    await wb().chooseQuickPickRow(/^不分组$/);
    await wb().tasksView().locator('.monaco-list-row[aria-label^="分组 "]').first().waitFor({ state: 'detached' });
    await wb().contextMenu('veo:zh-failure', '停止跟踪');
    await wb().row('veo:zh-failure').waitFor({ state: 'detached' });
  });

  it('shows the preview page in Chinese, with the page language set', async () => {
    await wb().openPreviewFromRow('grok:zh-ready');
    const webview = wb().webview();
    await webview.locator('#enhancedPrompt').waitFor();
    assert.equal(await webview.locator('html').getAttribute('lang'), 'zh-cn');
    assert.equal(await webview.locator('#status').textContent(), '已完成');
    assert.equal(await webview.locator('#openExternal').textContent(), '在浏览器中打开');
    assert.equal(await webview.locator('#download').textContent(), '下载');
    assert.equal(await webview.locator('#loop').textContent(), '循环');
    const headings = await webview.locator('h2:visible').allTextContents();
    assert.deepEqual(headings, ['优化后的提示词', '提示词', '详细信息']);
    const labels = await webview.locator('#details dt').allTextContents();
    assert.ok(labels.includes('任务 ID') && labels.includes('模型'), labels.join(', '));
    assert.match(await wb().page.locator('.tab.active').textContent() ?? '', /视频 /);
    await wb().screenshot('preview-zh-cn');
  });

  it('shows the gallery in Chinese, its ages in the display language', async () => {
    await wb().runCommand('打开视频库');
    const webview = wb().webview();
    await webview.locator('.card').first().waitFor();
    assert.equal(await webview.locator('html').getAttribute('lang'), 'zh-cn');
    assert.equal(await webview.locator('h1').textContent(), '视频库');
    assert.match((await webview.locator('#count').textContent()) ?? '', /^\d+ 个已结束的任务$/);
    assert.equal(await webview.locator('#compare').textContent(), '对比（0/2）');
    assert.match((await webview.locator('.card .meta').first().textContent()) ?? '', /已完成 · .*(前|现在)/);
  });
});

import { runBounded, type HostileCall } from './helpers/boundedWork';

/** About 1 MiB, the most the client reads of one answer. */
const N = 1024 * 1024 - 64;

/**
 * Every parser that reads text from outside (a gateway's answer, a pasted
 * text, a file, a link) on inputs built to make a backtracking regular
 * expression run for minutes. Each must get through all of them in bounded
 * work; the old error-page title pattern took 238 s on the first one.
 */
const CALLS: HostileCall[] = [
  { module: 'api/errorBody', exported: 'describeErrorBody', args: `['<html>' + '<title'.repeat(${Math.floor(N / 6)}), 'text/html']` },
  { module: 'api/errorBody', exported: 'describeErrorBody', args: `['<!doctype html>' + ' '.repeat(${N}), undefined]` },
  { module: 'api/errorBody', exported: 'describeErrorBody', args: `['x'.repeat(${N}) + '\\u0000'.repeat(1000), 'text/plain']` },
  { module: 'tasks/findTaskIds', exported: 'findTaskIds', args: `['grok'.repeat(${Math.floor(N / 4)})]` },
  { module: 'tasks/findTaskIds', exported: 'findTaskIds', args: `[' grok.veo-'.repeat(${Math.floor(N / 10)})]` },
  { module: 'tasks/findTaskIds', exported: 'findTaskIds', args: `[' grok:' + 'a-'.repeat(${Math.floor(N / 2)})]` },
  { module: 'tasks/findTaskIds', exported: 'findTaskIds', args: `['0f0e0d0c-aaaa-4bbb-8ccc-'.repeat(${Math.floor(N / 24)})]` },
  { module: 'tasks/parseTaskIds', exported: 'parseTaskIds', args: `[' ,;'.repeat(${Math.floor(N / 3)}) + 'x']` },
  { module: 'api/taskSnapshot', exported: 'stripCodeFence', args: `['\`\`\`\\n' + '\`\`\`'.repeat(${Math.floor(N / 3)}) + 'x']` },
  { module: 'api/taskSnapshot', exported: 'stripCodeFence', args: `['\`\`\`' + 'x'.repeat(${N})]` },
  { module: 'untrustedText', exported: 'plainText', args: `['<a'.repeat(${Math.floor(N / 2)}) + '](' .repeat(1000)]` },
  { module: 'untrustedText', exported: 'plainLabel', args: `['$('.repeat(${Math.floor(N / 2)})]` },
  { module: 'api/videoDownloader', exported: 'videoFileName', args: `['grok:' + '-'.repeat(${N}), '-'.repeat(${N}) + 'a']` },
  { module: 'api/mediaUrl', exported: 'vetMediaUrl', args: `['https://' + 'a-'.repeat(${Math.floor(N / 2)}) + '.example/v.mp4', 'https://www.anyapi.vip']` },
  { module: 'views/taskPresentation', exported: 'truncate', args: `[' \\u202e'.repeat(${Math.floor(N / 2)}), 60]` },
];

describe('Bounded work on hostile input', () => {
  it('every parser of outside text gets through 1 MiB adversarial inputs (in a worker, so a hang cannot stall the suite)', async function () {
    this.timeout(60_000);
    await runBounded(CALLS, 30_000);
  });

  it('the bound catches a backtracking pattern (guards the test above)', async function () {
    this.timeout(20_000);
    const backtracking: HostileCall = { module: 'untrustedText', exported: 'plainText', args: `[(() => { /^(a+)+$/.test('a'.repeat(40) + '!'); return ''; })()]` };
    await runBounded([backtracking], 2_000).then(
      () => {
        throw new Error('a catastrophic pattern finished within 2 s: the bound proves nothing');
      },
      (error: Error) => {
        if (!/did not finish/.test(error.message)) {
          throw error;
        }
      },
    );
  });
});

import * as assert from 'node:assert/strict';
import { isClearTextRemote, networkOf } from '../../src/api/hosts';
import { vetMediaUrl } from '../../src/api/mediaUrl';

const PUBLIC_GATEWAY = 'https://www.anyapi.vip';
const LOCAL_GATEWAY = 'http://127.0.0.1:8080';

describe('vetMediaUrl', () => {
  it('accepts https on public hosts, whatever the gateway', () => {
    for (const gateway of [PUBLIC_GATEWAY, LOCAL_GATEWAY, 'http://192.168.1.20:3000']) {
      assert.equal(vetMediaUrl('https://cdn.example.com/v.mp4', gateway)?.origin, 'https://cdn.example.com', gateway);
      assert.equal(vetMediaUrl('https://8.8.8.8/v.mp4', gateway)?.origin, 'https://8.8.8.8', gateway);
    }
  });

  it('accepts loopback media (http too) only when the gateway is on loopback', () => {
    assert.equal(vetMediaUrl('http://127.0.0.1:8080/files/v.mp4', LOCAL_GATEWAY)?.origin, 'http://127.0.0.1:8080');
    assert.equal(vetMediaUrl('http://localhost/v.mp4', 'http://localhost:3000')?.origin, 'http://localhost');
    for (const url of ['http://127.0.0.1:8080/v.mp4', 'https://127.0.0.1/v.mp4', 'http://localhost/v.mp4', 'http://[::1]/v.mp4', 'http://2130706433/v.mp4']) {
      assert.equal(vetMediaUrl(url, PUBLIC_GATEWAY), undefined, url);
    }
  });

  it('refuses LAN, link-local and local names unless the gateway is on the same network', () => {
    const lan = ['https://192.168.1.5/v.mp4', 'https://10.0.0.8/v.mp4', 'https://172.20.1.1/v.mp4', 'https://169.254.169.254/latest/meta-data', 'https://nas.local/v.mp4', 'https://[fd00::1]/v.mp4', 'https://[::ffff:192.168.1.5]/v.mp4'];
    for (const url of lan) {
      assert.equal(vetMediaUrl(url, PUBLIC_GATEWAY), undefined, url);
    }
    assert.equal(vetMediaUrl('https://192.168.1.5/v.mp4', 'http://192.168.1.20:3000')?.origin, 'https://192.168.1.5');
    assert.equal(vetMediaUrl('https://10.0.0.8/v.mp4', 'http://192.168.1.20:3000'), undefined, 'another private block');
    assert.equal(vetMediaUrl('https://files.corp.internal/v.mp4', 'https://gw.corp.internal')?.origin, 'https://files.corp.internal');
    assert.equal(vetMediaUrl('http://192.168.1.5/v.mp4', 'http://192.168.1.20:3000'), undefined, 'plain http only on loopback');
  });

  it('refuses single-label names (the resolver turns them into machines on the LAN) unless the gateway has one too', () => {
    for (const url of ['https://nas/v.mp4', 'https://router:8443/v.mp4', 'https://jenkins.svc/v.mp4', 'https://files.localdomain/v.mp4']) {
      assert.equal(vetMediaUrl(url, PUBLIC_GATEWAY), undefined, url);
    }
    assert.equal(vetMediaUrl('https://files/v.mp4', 'http://gateway:3000')?.origin, 'https://files');
  });

  it('refuses cloud metadata services whatever network the gateway is on', () => {
    assert.equal(vetMediaUrl('https://169.254.169.254/latest/meta-data', 'http://169.254.10.10'), undefined);
    assert.equal(vetMediaUrl('https://100.100.100.200/latest', 'http://100.64.0.7:3000'), undefined);
    assert.equal(vetMediaUrl('https://100.64.0.9/v.mp4', 'http://100.64.0.7:3000')?.origin, 'https://100.64.0.9', 'the same carrier-grade NAT block otherwise');
  });

  it('refuses host names a CSP could be broken with, and IPv6 literals a CSP cannot name', () => {
    for (const url of ["https://a;b'.example/v.mp4", 'https://a*b.example/v.mp4', 'https://a,b.example/v.mp4', "https://x'y/v.mp4", 'https://a_b.example/v.mp4', 'https://-a.example/v.mp4', 'https://[2001:db8::1]/v.mp4']) {
      assert.equal(vetMediaUrl(url, PUBLIC_GATEWAY), undefined, url);
    }
    assert.equal(vetMediaUrl('https://xn--bcher-kva.example/v.mp4', PUBLIC_GATEWAY)?.origin, 'https://xn--bcher-kva.example');
    assert.equal(vetMediaUrl('https://bücher.example/v.mp4', PUBLIC_GATEWAY)?.origin, 'https://xn--bcher-kva.example', 'IDN becomes punycode first');
  });

  it('refuses script, data, file, command and vscode URLs, credentials and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:video/mp4;base64,AAAA',
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'vscode://anyapi.anyapi-video-tasks/track?id=x',
      'https://user:pass@cdn.example.com/v.mp4',
      'http://cdn.example.com/v.mp4',
      'not a url',
      '//cdn.example.com/v.mp4',
      undefined,
    ]) {
      assert.equal(vetMediaUrl(url, LOCAL_GATEWAY), undefined, url);
    }
  });
});

describe('hosts', () => {
  it('names the private network of an address or a local name, and nothing for public hosts', () => {
    assert.equal(networkOf('127.9.9.9'), 'loopback');
    assert.equal(networkOf('localhost'), 'loopback');
    assert.equal(networkOf('172.31.255.255'), '172.16.0.0/12');
    assert.equal(networkOf('172.32.0.1'), undefined);
    assert.equal(networkOf('100.64.0.1'), '100.64.0.0/10');
    assert.equal(networkOf('[fe80::1]'), 'fe80::/10');
    assert.equal(networkOf('[::ffff:7f00:1]'), 'loopback');
    assert.equal(networkOf('printer.home.arpa'), '.home.arpa');
    assert.equal(networkOf('www.anyapi.vip'), undefined);
    assert.equal(networkOf('nas'), 'single-label');
    assert.equal(networkOf('app.localhost'), undefined, 'only localhost itself is this machine for sure');
    assert.equal(networkOf('224.0.0.251'), '224.0.0.0/4');
    assert.equal(networkOf('198.19.1.1'), '198.18.0.0/15');
    assert.equal(networkOf('[2606:4700::1]'), undefined);
  });

  it('calls plain http off this machine clear text', () => {
    assert.equal(isClearTextRemote(new URL('http://gw.example')), true);
    assert.equal(isClearTextRemote(new URL('http://127.0.0.1:3000')), false);
    assert.equal(isClearTextRemote(new URL('https://gw.example')), false);
  });
});

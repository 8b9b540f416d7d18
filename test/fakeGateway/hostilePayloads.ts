/**
 * Strings a hostile or broken gateway could put in any field: markup and
 * script breakouts, dangerous URL schemes, Markdown and command links,
 * bidirectional overrides, control characters, and a 1 MB string. A payload
 * "wins" if it sets `__pwned` on a window, opens a dialog, injects an element,
 * renders a link, or freezes the UI.
 */
export const HOSTILE_PAYLOADS: readonly string[] = [
  '<script>window.__pwned = 1; window.top.__pwned = 1;</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned = 3">',
  "'><body onload='window.__pwned = 4'>",
  '</pre><script>window.__pwned = 5</script><pre>',
  '</script><script>window.__pwned = 6</script>',
  '</textarea></title></style><script>window.__pwned = 7</script>',
  '<iframe src="javascript:window.parent.__pwned = 8"></iframe>',
  '<a href="javascript:window.__pwned = 9">click me</a>',
  '<style>body { display: none }</style>',
  '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
  '<video src=x onerror="window.__pwned = 12"></video>',
  'javascript:window.__pwned = 13',
  ' JaVaScRiPt:window.__pwned = 14',
  'data:text/html,<script>window.__pwned = 15</script>',
  'data:video/mp4;base64,AAAAIGZ0eXBpc29tAAACAGlzb21pc28y',
  'file:///etc/passwd',
  'command:workbench.action.terminal.new',
  '[open a terminal](command:workbench.action.terminal.new)',
  'vscode://anyapi.anyapi-video-tasks/track?id=evil',
  'vscode-webview://evil/index.html',
  'http://evil.example/video.mp4',
  'https://user:password@evil.example/video.mp4',
  '![tracker](https://evil.example/pixel.png)',
  '<https://evil.example/autolink>',
  '**bold** _emphasis_ <b>html</b>\n\n# Heading\n\n---',
  '\u202Egnp.exe\u202C backwards',
  'left\u2066\u2067isolates\u2069\u2069 and \u200Fmarks',
  'control\u0000chars\u0007bell\u001B[31mred\u001B[0m',
  '&lt;script&gt;window.__pwned = 30&lt;/script&gt;',
  '{{constructor.constructor("window.__pwned = 31")()}} ${window.__pwned = 31}',
  '__proto__',
  'constructor',
  'Z̷̢̛̛a̶͇̾l̷̰̈g̸̣̈́o̵̬͝ and 😀👍🏽 and 中文 and العربية',
  'x'.repeat(1_000_000),
];

/** String fields of a query response that the extension reads. */
export const STRING_FIELDS = ['id', 'status', 'prompt', 'enhanced_prompt', 'model', 'ratio', 'error', 'video_url', 'thumbnail_url'] as const;

/**
 * A completed task whose every string field holds a hostile payload:
 * task `n` puts payload `(n + k) % count` in field `k`, so across `count`
 * tasks every payload lands in every field once. Prototype-pollution keys
 * ride along in every body.
 */
export function hostileTask(n: number): object {
  const body: Record<string, unknown> = JSON.parse(
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}}',
  );
  body.status = 'completed';
  body.progress = 100;
  STRING_FIELDS.forEach((field, k) => {
    const payload = HOSTILE_PAYLOADS[(n + k) % HOSTILE_PAYLOADS.length];
    // The status keeps a known word in half of the tasks, so the finished-task paths are exercised too.
    if (field !== 'status' || n % 2 === 1) {
      body[field] = payload;
    }
  });
  return body;
}

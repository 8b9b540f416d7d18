/**
 * Text from outside — a gateway's answer or error, a link, a file — shown on
 * VS Code's own surfaces. Notifications and quick input messages render
 * `[label](command:…)` as a link that runs the command with any arguments, and
 * quick picks and the status bar draw `$(name)` as an icon; API text must do
 * neither. No regular expression here can backtrack: each is a single pass.
 */

/**
 * The text with link syntax broken so no surface renders it as a link:
 * `[x](target)` becomes `[x] (target)` (VS Code's link syntax needs `](` with
 * nothing between), `<scheme:…>` autolinks lose their brackets' meaning, and a
 * bare `command:` gets a space (no gateway has a reason to say it). Control
 * and bidirectional-override characters become spaces.
 */
export function plainText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\]\(/g, '] (')
      .replace(/<(?=[a-z][a-z0-9+.-]*:)/gi, '< ')
      .replace(/\bcommand:/gi, (match) => `${match.slice(0, -1)} :`)
  );
}

/** {@link plainText}, and `$(name)` kept as text rather than drawn as an icon (quick picks, the status bar). */
export function plainLabel(text: string): string {
  return plainText(text).replace(/\$\(/g, '\\$(');
}

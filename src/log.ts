/**
 * The logging surface the extension uses; VS Code's `LogOutputChannel`
 * satisfies it, and code without `vscode` can take it too.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

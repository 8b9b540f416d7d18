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

/** An error's message for a log line or a notification; never "[object Object]". */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

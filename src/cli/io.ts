/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIo {
  readText(path: string): string;
  writeText(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Milliseconds, for elapsed times only (never for results). */
  now(): number;
}

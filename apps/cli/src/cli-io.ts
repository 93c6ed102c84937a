/**
 * Where a command writes. `main.ts` passes the process streams; tests pass arrays.
 *
 * @example
 * const lines: string[] = []; const io: CliIo = { out: (s) => lines.push(s), err: (s) => lines.push(s) };
 */
export interface CliIo {
  /** Results (an exported package, a plan): what a script would pipe. */
  out(text: string): void;
  /** Progress, warnings and errors, for the person at the terminal. */
  err(text: string): void;
}

/** The process's standard streams as a {@link CliIo}. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

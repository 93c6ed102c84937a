import { defineErrors } from '@trellis/schema';

/**
 * The error codes of the `trellis` command. They never reach HTTP; `status` is kept only so
 * the codes share the one `TrellisError` shape. `main.ts` prints the message and exits 1
 * (2 for usage errors).
 *
 * @example
 * throw CliErrors.create('CLI_USAGE', "[cli] unknown command 'strat'; run 'trellis help'");
 */
export const CliErrors = defineErrors({
  CLI_USAGE: { status: 400, description: 'The command line is wrong: unknown command or option, missing or extra argument, bad value.' },
  CLI_FILE_UNREADABLE: { status: 400, description: 'A file named on the command line cannot be read or is not JSON.' },
  CLI_IMPORT_REFUSED: { status: 400, description: 'The app package given to `trellis import` is invalid; the details list every problem.' },
});

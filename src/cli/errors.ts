/**
 * Failures the command reports as one `liaison: …` line and exit code 2:
 * bad usage, bad configuration, missing or unreadable input. Anything else
 * that escapes `run()` is an internal failure (also exit 2, with a hint to
 * rerun with --debug for the stack).
 */
export class CliError extends Error {
  override name = 'CliError'
}

/** A flag or argument the command cannot make sense of. */
export class UsageError extends CliError {
  override name = 'UsageError'
}

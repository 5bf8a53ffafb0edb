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

/**
 * A YAML or JSON file that is not a collection of templates at all: an error
 * when it was named on the command line, a file to pass by when a folder walk
 * found it.
 */
export class NotTemplatesError extends CliError {
  override name = 'NotTemplatesError'
}

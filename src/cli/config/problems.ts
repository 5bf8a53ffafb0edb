/**
 * How a config's checks say what is wrong: a ShapeError carries the key path
 * of the problem, so the loader can turn it into `file:line:column`.
 */
import {closest} from '../../core/did-you-mean.ts'

/** A key path inside a config: keys of objects, indexes of lists. */
export type Path = ReadonlyArray<string | number>

/** A problem inside a config, with the key path it concerns (for line:column). */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly path: Path,
  ) {
    super(message)
  }
}

/** ` (did you mean "…"?)` when `value` is close to one of `candidates`, else nothing. */
export function suggest(value: unknown, candidates: readonly string[]): string {
  const guess = typeof value === 'string' ? closest(value, candidates) : undefined
  return guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''
}

/** `check()`, with any ShapeError's path moved under `at`; `prefix` goes before its message. */
export function within<T>(at: Path, check: () => T, prefix = ''): T {
  try {
    return check()
  } catch (error) {
    /* v8 ignore next -- @preserve the checks throw nothing but ShapeError */
    if (!(error instanceof ShapeError)) throw error
    throw new ShapeError(`${prefix}${error.message}`, [...at, ...error.path])
  }
}

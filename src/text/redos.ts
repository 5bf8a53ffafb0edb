/**
 * A second opinion on user regular expressions, from recheck (an automaton
 * and fuzzing ReDoS checker), after patterns.ts's own shape check passes.
 *
 * The shape check is fast and works everywhere, but it is a heuristic: it
 * lets polynomial shapes through (`^\w*\w*\w*$`, `.*a.*b.*c`). recheck decides
 * them. Patterns only ever test host names, which patterns.ts caps at 253
 * characters, so a quadratic pattern costs at most 253² steps a name and is
 * accepted; cubic and worse, and exponential, are refused.
 *
 * recheck is loaded only when a config holds a `/regex/`, through Node's
 * `getBuiltinModule` so the library keeps no Node-specific import and still
 * bundles for browsers, where (as when recheck is not installed) the shape
 * check alone decides. Measured with recheck's native backend on 2 cores:
 * loading it takes ~0.3 s and the first check ~0.5 s (a worker thread and
 * the checker process start), later checks 5–50 ms; verdicts are cached per
 * process. So a CLI run whose config holds a `/regex/` starts about 1 s
 * slower, and one with only names and `*` globs pays nothing. That was judged
 * worth it: the alternative is trusting a heuristic with patterns nobody
 * reviewed. Checks are deterministic: seed 0, automaton first.
 */
import type * as Recheck from 'recheck'

export type CheckSync = typeof Recheck.checkSync

/** Fixed seed: the same pattern gets the same verdict on every machine. */
export const recheckParams = {randomSeed: 0, timeout: 5000} as const
/** Highest polynomial degree accepted (see above). */
export const maxDegree = 2

type Host = {getBuiltinModule?: (id: string) => unknown}

/** recheck's `checkSync`, or undefined outside Node (`host` is `process` there) or when it is not installed. */
/* v8 ignore next -- @preserve the `?? {}` is for browsers, which have no `process`; the tests pass their own hosts */
export function loadRecheck(host: Host = (globalThis as {process?: Host}).process ?? {}): CheckSync | undefined {
  const nodeModule = host.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined
  if (!nodeModule) return undefined
  try {
    return (nodeModule.createRequire(import.meta.url)('recheck') as typeof Recheck).checkSync
  } catch {
    return undefined
  }
}

/** Why recheck's `diagnostics` refuse a pattern, or undefined. */
export function verdict(diagnostics: Recheck.Diagnostics): string | undefined {
  if (diagnostics.status === 'vulnerable') {
    const {complexity, attack} = diagnostics
    if (complexity.type === 'polynomial' && complexity.degree <= maxDegree) return undefined
    return `recheck finds ${complexity.summary} backtracking, e.g. on ${attack.pattern}`
  }
  // recheck 4.5 predates the `v` flag ("invalid"); the shape check has passed such patterns.
  if (diagnostics.status === 'safe' || diagnostics.error.kind === 'invalid' || diagnostics.error.kind === 'unsupported') return undefined
  return `recheck could not show it is safe (${diagnostics.error.kind})`
}

let loaded: {check: CheckSync | undefined} | undefined
const verdicts = new Map<string, string | undefined>()

/**
 * Why recheck refuses `/source/flags`, or undefined when it finds it safe
 * enough or cannot run here. Verdicts are cached for the process.
 */
export function recheckProblem(source: string, flags: string): string | undefined {
  const check = (loaded ??= {check: loadRecheck()}).check
  /* v8 ignore next -- @preserve the tests run where recheck is installed; loadRecheck's fallbacks are tested on their own */
  if (!check) return undefined
  const key = `${flags}/${source}`
  if (!verdicts.has(key)) verdicts.set(key, verdict(check(source, flags, recheckParams)))
  return verdicts.get(key)
}

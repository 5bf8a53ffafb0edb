/**
 * re2js, the linear-time matcher for user patterns (see patterns.ts), loaded
 * on first use: it is 260 kB of JavaScript that costs ~0.2× `node -e 0` to
 * load, and only a config holding a `/regex/` needs it. Configuration is
 * synchronous (unified attaches plugins synchronously), so it is required
 * through Node's `getBuiltinModule` rather than imported: the library keeps
 * no Node-specific import and still bundles for browsers, where a pattern
 * written as a regular expression is refused with a ConfigError saying why.
 */
import type {RE2JS} from 're2js'

type Host = {getBuiltinModule?: (id: string) => unknown}

let loaded: typeof RE2JS | undefined

/** re2js's `RE2JS` class, or undefined where Node's module loader is not available (`host` is `process` under Node). */
/* v8 ignore next -- @preserve the `?? {}` is for browsers, which have no `process`; the tests pass their own hosts */
export function loadRe2(host: Host = (globalThis as {process?: Host}).process ?? {}): typeof RE2JS | undefined {
  const nodeModule = host.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined
  if (!nodeModule) return undefined
  return (loaded ??= (nodeModule.createRequire(import.meta.url)('re2js') as {RE2JS: typeof RE2JS}).RE2JS)
}

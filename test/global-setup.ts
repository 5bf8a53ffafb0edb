/**
 * vitest's global setup: build dist/ once when it is missing or older than
 * the source, so `npx vitest` works on a fresh checkout. The CLI tests spawn
 * the built command and test/api.test.ts imports the package by name; both
 * would otherwise test whatever dist/ a previous build left. A build costs
 * about 15 s on a busy machine, so an up-to-date dist/ is kept.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {root} from '../scripts/fixtures.ts'

/** Everything the build reads. */
const inputs = ['src', 'rules', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-cli.mjs', 'scripts/build-library.mjs', 'scripts/bundle-options.mjs', 'scripts/lexicon-notes.mjs']
const stamp = join(root, 'dist/src/cli/bin.js')

function newest(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function isBuildCurrent(): boolean {
  if (!existsSync(stamp)) return false
  const built = statSync(stamp).mtimeMs
  return inputs.every((input) => !existsSync(join(root, input)) || newest(join(root, input)) <= built)
}

export default function setup(): () => void {
  // The built command's code cache (src/cli/code-cache.ts) for this run alone, inherited by the workers and
  // handed on by test/cli/support.ts: no run reads what another run, or the user, left in ~/.cache/liaison.
  const cacheHome = mkdtempSync(join(tmpdir(), 'liaison-test-cache-'))
  process.env.XDG_CACHE_HOME = cacheHome
  if (!isBuildCurrent()) {
    // From scratch: files of a moved or deleted module must not linger in the package.
    rmSync(join(root, 'dist'), {recursive: true, force: true})
    execFileSync('npm', ['run', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
  }
  return () => rmSync(cacheHome, {recursive: true, force: true})
}

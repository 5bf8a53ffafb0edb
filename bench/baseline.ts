/**
 * `npm run bench -- --baseline <git-ref>`: the same benchmark over an older
 * commit, in the same run, so a regression shows as a ratio rather than as
 * two numbers taken on a machine whose load changed in between.
 *
 * The ref is exported with `git archive` (no worktree is registered in the
 * repository), installed with `npm ci` and built with its own `npm run
 * build`, in a directory of the system's temp folder named by the commit.
 * A tree that built completely is reused by later runs; a half-built one is
 * removed and built again.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface Baseline {
  /** The ref as given (`81173f4`, `main~20`). */
  ref: string
  commit: string
  /** The built tree: `dist/src/index.js` and `dist/src/cli/bin.js` live under it. */
  root: string
}

function run(command: string, args: readonly string[], cwd: string, what: string): void {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']})
  if (result.status !== 0) throw new Error(`bench --baseline: ${what} failed in ${cwd}:\n${result.stderr || String(result.error)}`)
}

/** Resolve, export, install and build `ref` (or reuse a finished tree). Progress goes to stderr. */
export function prepareBaseline(ref: string, repository: string): Baseline {
  let commit: string
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {cwd: repository, encoding: 'utf8'}).trim()
  } catch {
    throw new Error(`bench --baseline: "${ref}" is not a commit of ${repository} (expected a hash, branch or tag)`)
  }
  const root = join(tmpdir(), `liaison-bench-${commit}`)
  const ready = join(root, '.liaison-bench-ready')
  if (existsSync(ready)) return {ref, commit, root}
  rmSync(root, {recursive: true, force: true})
  mkdirSync(root, {recursive: true})
  process.stderr.write(`Preparing baseline ${ref} (${commit.slice(0, 12)}) in ${root}…\n`)
  const archive = spawnSync('git', ['archive', '--format=tar', commit], {cwd: repository, maxBuffer: 1 << 30})
  if (archive.status !== 0) throw new Error(`bench --baseline: git archive ${commit} failed: ${String(archive.stderr)}`)
  const untar = spawnSync('tar', ['-x', '-C', root], {input: archive.stdout})
  if (untar.status !== 0) throw new Error(`bench --baseline: unpacking ${commit} failed: ${String(untar.stderr)}`)
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], root, 'npm ci')
  run('npm', ['run', 'build'], root, 'npm run build')
  for (const built of ['dist/src/index.js', 'dist/src/cli/bin.js']) {
    if (!existsSync(join(root, built))) throw new Error(`bench --baseline: ${ref} built no ${built}; it is too old to compare with`)
  }
  writeFileSync(ready, `${commit}\n`)
  return {ref, commit, root}
}

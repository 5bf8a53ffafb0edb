/**
 * The workflow `liaison init` writes, run as GitHub Actions would run it:
 * every `run:` step, in order, in the repository init created. liaison comes
 * from the package.json init wrote; the one change made here is where npm
 * finds it: this package, packed (`npm pack`), instead of the registry, and
 * npm prefers its cache and asks the registry only for what the cache lacks
 * (a fresh CI machine's cache holds tarballs from `npm ci` but no package
 * metadata, so a strictly offline install fails there).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {root} from '../support/fixtures.ts'
import {bin, project, sarifLog, spawnBin, type Workflow} from './support.ts'

const packed = mkdtempSync(join(tmpdir(), 'liaison-pack-'))
afterAll(() => rmSync(packed, {recursive: true, force: true}))

/** Runs one `run:` step as the runner does (bash, failing on the first error), cache first. */
function runStep(cwd: string, command: string) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  }
  const result = spawnSync('bash', ['-e', '-c', command], {cwd, env, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('the workflow liaison init writes', {timeout: 180_000}, () => {
  it('installs liaison from the repository as created and lints with it: clean passes, a mistake fails', () => {
    expect(existsSync(bin), 'npm test builds dist/ first').toBe(true)
    // The package as it would be published (dist/ is already built).
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], {cwd: root, encoding: 'utf8'}).trim().split('\n').at(-1)!
    const tarball = join(packed, name)

    const dir = project()
    expect(spawnBin(dir, ['init']).code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>}
    expect(manifest.devDependencies.liaison).toMatch(/^\^\d+\.\d+\.\d+/)
    manifest.devDependencies.liaison = `file:${tarball}`
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))

    const workflow = parse(readFileSync(join(dir, '.github/workflows/liaison.yml'), 'utf8')) as Workflow
    const steps = workflow.jobs.templates.steps.filter((step) => step.run !== undefined)
    expect(steps.map((step) => step.name)).toEqual(['Install liaison', 'Lint the templates (annotations on the pull request)', 'Lint the templates (SARIF for code scanning)'])
    const [install, annotate, sarif] = steps.map((step) => step.run!)

    // As created: no lock file, so `npm install`; it writes one.
    const installed = runStep(dir, install!)
    expect(installed.code, installed.stderr).toBe(0)
    expect(existsSync(join(dir, 'package-lock.json'))).toBe(true)
    expect(runStep(dir, annotate!)).toMatchObject({code: 0, stdout: ''})
    expect(runStep(dir, sarif!).code).toBe(0)
    expect(sarifLog(readFileSync(join(dir, 'liaison.sarif'), 'utf8')).runs[0]?.results).toEqual([])

    // With the lock file committed: `npm ci`, then a template with a guess and an estimate fails the job, annotated.
    rmSync(join(dir, 'node_modules'), {recursive: true})
    expect(runStep(dir, install!).code).toBe(0)
    writeFileSync(join(dir, 'templates/identified.md'), '---\nphase: identified\n---\nWe think the database is down. It will be fixed within the hour.\n')
    const failed = runStep(dir, annotate!)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/^::error file=templates\/identified\.md,line=4,/m)
  })
})

/**
 * `liaison audit --report`: the page is self-contained and escapes what the
 * data says; in Chromium (Debian's, as the playground test uses) it opens
 * without console errors, both charts render, and the numbers it shows are
 * the JSON output's. With LIAISON_SCREENSHOTS=1 it also rewrites
 * docs/images/audit-report.png, the screenshot docs/audit.md shows; otherwise
 * the shot goes to a temporary folder, since Chart.js's anti-aliasing differs
 * by a few pixels between runs and a test run must leave the tree unchanged.
 */
import {existsSync, readFileSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {type BrowserContext, chromium, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {LintResult} from '../../src/cli/results.ts'
import {root} from '../support/fixtures.ts'
import {cli, project} from '../cli/support.ts'

const data = join(import.meta.dirname, 'data')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const screenshot = join(root, 'docs/images/audit-report.png')
/** Every source in the test data, so the report spans months, phases and rules. */
const sources = ['statuspage/incidents.json', 'statuspage/maintenance.json', 'cstate/content/issues', 'markdown', 'liaison/incidents.json', 'liaison/incidents.jsonl', 'liaison/incidents.yml']
const hostile = {
  incidents: [
    {
      title: 'Outage </script><script>window.__title = 1</script>',
      url: 'javascript:alert(1)',
      updates: [
        {body: 'Checkout is down. <script>window.__body = 1</script><img src=x onerror="window.__img = 1"> We think it is probably the database.', status: 'investigating', createdAt: '2026-04-09T10:00:00Z'},
      ],
    },
  ],
}

interface Report {
  dir: string
  html: string
  results: LintResult[]
}

async function makeReport(names: readonly string[], files: Record<string, object> = {}): Promise<Report> {
  const dir = project(files)
  const {cpSync} = await import('node:fs')
  cpSync(data, dir, {recursive: true})
  const {code, stdout, stderr} = await cli(dir, ['audit', ...names, '-f', 'json', '--report', 'report.html', '--now', '2026-05-01T00:00:00Z'])
  expect(stderr).toBe('')
  expect([0, 1]).toContain(code)
  return {dir, html: readFileSync(join(dir, 'report.html'), 'utf8'), results: JSON.parse(stdout) as LintResult[]}
}

function counts(results: readonly LintResult[]) {
  const byRule: Record<string, {errors: number; warnings: number}> = {}
  for (const message of results.flatMap((result) => result.messages)) {
    if (message.ruleId === null || message.severity === 0) continue
    const count = (byRule[message.ruleId] ??= {errors: 0, warnings: 0})
    if (message.severity === 2) count.errors++
    else count.warnings++
  }
  return {
    byRule,
    errors: results.reduce((sum, result) => sum + result.errorCount, 0),
    warnings: results.reduce((sum, result) => sum + result.warningCount, 0),
  }
}

describe('the HTML report, as text', () => {
  it('is one file that loads nothing from the network', async () => {
    const {html} = await makeReport(sources)
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[^']+' 'sha256-[^']+'">/)
    expect(html).toContain('Chart.js v4')
  })

  it('escapes titles, bodies and links from the data', async () => {
    const {html} = await makeReport(['hostile.json'], {'hostile.json': hostile})
    expect(html).not.toContain('<script>window.')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('Outage &lt;/script&gt;&lt;script&gt;window.__title = 1&lt;/script&gt;')
    // The body is in the details data, drawn as text when the incident is opened; no `<` in it can end the script element.
    expect(html).toContain('\\u003cimg src=x onerror=\\"window.__img = 1\\">')
    expect(html).not.toContain('javascript:')
  })
})

const hasChromium = existsSync(executablePath)
if (!hasChromium) console.warn(`Skipping the audit report browser test: ${executablePath} not found; install Debian's chromium or set CHROMIUM_PATH.`)

describe.skipIf(!hasChromium)(hasChromium ? 'the HTML report in Chromium' : `the HTML report in Chromium: SKIPPED, no ${executablePath}`, () => {
  let profile = ''
  let context: BrowserContext | undefined

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'liaison-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1180, height: 900},
      colorScheme: 'light',
      reducedMotion: 'reduce',
    })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    if (profile) await rm(profile, {recursive: true, force: true})
  })

  async function open(report: Report): Promise<{page: Page; errors: string[]}> {
    const page = await context!.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) errors.push(`request to ${request.url()}`)
    })
    await page.goto(pathToFileURL(join(report.dir, 'report.html')).href)
    await page.waitForFunction('document.readyState === "complete"')
    return {page, errors}
  }

  it('opens without console errors, draws both charts, and shows the JSON output’s numbers', async () => {
    const report = await makeReport(sources)
    const {page, errors} = await open(report)
    const expected = counts(report.results)
    const incidents = report.results.filter((result) => !/#[^/]+\/[^/]+$/.test(result.filePath))
    expect(await page.locator('#total-incidents').textContent()).toBe(String(incidents.length))
    expect(await page.locator('#total-updates').textContent()).toBe(String(report.results.length - incidents.length))
    expect(await page.locator('#total-errors').textContent()).toBe(String(expected.errors))
    expect(await page.locator('#total-warnings').textContent()).toBe(String(expected.warnings))
    const rows = await page.evaluate<Array<[string, number, number]>>(
      `[...document.querySelectorAll('#rules tbody tr')].map((tr) => [tr.dataset.rule, Number(tr.querySelector('.errors').textContent), Number(tr.querySelector('.warnings').textContent)])`,
    )
    expect(Object.fromEntries(rows.map(([id, errors, warnings]) => [id, {errors, warnings}]))).toEqual(expected.byRule)
    // Chart.js keeps each chart on its canvas; their data add up to the same totals.
    const charted = await page.evaluate<{months: number; rules: number; drawn: boolean}>(`(() => {
      const sum = (chart) => chart.data.datasets.reduce((total, set) => total + set.data.reduce((a, b) => a + b, 0), 0)
      const months = Chart.getChart('chart-months'), rules = Chart.getChart('chart-rules')
      return {months: sum(months), rules: sum(rules), drawn: [months, rules].every((chart) => chart.canvas.width > 0 && chart.chartArea.width > 0)}
    })()`)
    expect(charted).toEqual({months: expected.errors + expected.warnings, rules: expected.errors + expected.warnings, drawn: true})
    // The worst incident first, opened from its link: its details are drawn when it opens, not before.
    expect(await page.locator('section.incident .update').count()).toBe(0)
    await page.locator('#worst a').first().click()
    expect(await page.locator('section.incident details[open]').count()).toBe(1)
    await page.locator('section.incident details[open] .update').first().waitFor()
    // Every incident opened: one timeline entry per update, and one problem listed per message of the JSON output.
    await page.evaluate(`document.querySelectorAll('section.incident details').forEach((details) => { details.open = true })`)
    await page.waitForFunction(`[...document.querySelectorAll('section.incident details')].every((details) => details.querySelector('.timeline'))`)
    expect(await page.locator('section.incident .update').count()).toBe(report.results.length - incidents.length)
    expect(await page.locator('section.incident .problems > li').count()).toBe(report.results.flatMap((result) => result.messages).length)
    // Back to the worst incident alone open, for the screenshot.
    await page.evaluate(`document.querySelectorAll('section.incident details').forEach((details) => { details.open = '#' + details.parentElement.id === location.hash })`)
    expect(errors).toEqual([])
    await page.setViewportSize({width: 1180, height: 1500})
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({path: process.env.LIAISON_SCREENSHOTS ? screenshot : join(report.dir, 'report.png'), fullPage: false, animations: 'disabled', caret: 'hide'})
    await page.close()
  })

  it('runs nothing from the data', async () => {
    const report = await makeReport(['hostile.json'], {'hostile.json': hostile})
    const {page, errors} = await open(report)
    expect(await page.evaluate('[window.__title, window.__body, window.__img]')).toEqual([undefined, undefined, undefined])
    await page.locator('section.incident summary').click()
    expect(await page.locator('section.incident .body').textContent()).toContain('<script>window.__body = 1</script>')
    expect(errors).toEqual([])
    await page.close()
  })
})

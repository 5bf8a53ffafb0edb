/**
 * `liaison audit` in-process: each input shape, a folder with a broken file,
 * the formatters, progress on a terminal only, and status page addresses
 * against a local server that serves the test data (no test touches the
 * internet). Rules are narrowed with --rule so these tests follow the
 * command, not the wording rules.
 */
import {cpSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {cli, project} from '../cli/support.ts'

const data = join(import.meta.dirname, 'data')
/** Only no-resolution-estimate, which the Statuspage data trips once ("within the hour"). */
const onlyEstimates = ['--rule', JSON.stringify(Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'no-resolution-estimate' ? 'error' : 'off'])))]

function copy(): string {
  const dir = project()
  cpSync(data, dir, {recursive: true})
  return dir
}

describe('liaison audit on files and folders', () => {
  it('reports each update under <source>#<incident>/<update>, exit 1 on an error', async () => {
    const dir = copy()
    const {code, stdout, stderr} = await cli(dir, ['audit', 'statuspage/incidents.json', ...onlyEstimates])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    expect(stdout).toContain('statuspage/incidents.json#b7d4k2l9s1qa/q1w2e3r4t5y6\n')
    expect(stdout).toMatch(/1:129 {2}error {2}"within the hour" predicts/)
    expect(stdout).toContain('✖ 1 problem (1 error, 0 warnings)')
  })

  it('gives one JSON result per incident and per update, updates oldest first', async () => {
    const dir = copy()
    const {code, stdout} = await cli(dir, ['audit', 'statuspage/incidents.json', '-f', 'json', ...onlyEstimates])
    expect(code).toBe(1)
    const results = JSON.parse(stdout) as Array<{filePath: string; errorCount: number}>
    expect(results.map((result) => result.filePath.slice(dir.length + 1))).toEqual([
      'statuspage/incidents.json#p31zjtct2jer',
      'statuspage/incidents.json#p31zjtct2jer/c5t7y9u1i3op',
      'statuspage/incidents.json#p31zjtct2jer/r8j2m4n6b0sd',
      'statuspage/incidents.json#p31zjtct2jer/k1x0c9vq2f7m',
      'statuspage/incidents.json#b7d4k2l9s1qa',
      'statuspage/incidents.json#b7d4k2l9s1qa/q1w2e3r4t5y6',
      'statuspage/incidents.json#b7d4k2l9s1qa/m4n3b2v1c0x9',
      'statuspage/incidents.json#b7d4k2l9s1qa/z0x9c8v7b6n5',
    ])
  })

  it('reads a cState folder: incident files only, positions when ids are missing', async () => {
    const dir = copy()
    const {code, stdout, stderr} = await cli(dir, ['audit', 'cstate', '-f', 'json', '--rule', 'no-resolution-estimate: off'])
    expect(stderr).toBe('')
    expect([0, 1]).toContain(code)
    const paths = (JSON.parse(stdout) as Array<{filePath: string}>).map((result) => result.filePath.slice(dir.length + 1))
    expect(paths).toEqual([
      'cstate/content/issues/2026-01-12-search-outage.md#2026-01-12-search-outage',
      'cstate/content/issues/2026-01-12-search-outage.md#2026-01-12-search-outage/1',
      'cstate/content/issues/2026-01-12-search-outage.md#2026-01-12-search-outage/2',
      'cstate/content/issues/2026-01-12-search-outage.md#2026-01-12-search-outage/3',
      'cstate/content/issues/2026-02-02-api-down.md#api-unavailable-feb',
      'cstate/content/issues/2026-02-02-api-down.md#api-unavailable-feb/1',
      'cstate/content/issues/2026-02-02-api-down.md#api-unavailable-feb/2',
    ])
  })

  it("applies the config's vocabulary, as linting the drafts does", async () => {
    const dir = project({
      '.liaisonrc.json': {vocabulary: [{id: 'no-codenames', forbid: ['Project Falcon'], scope: 'both'}]},
      'history.json': {incidents: [{title: 'Project Falcon outage', updates: [{status: 'resolved', createdAt: '2026-03-01T14:00:00Z', body: 'Project Falcon checkout works again for every customer. This incident has been resolved.'}]}]},
    })
    const {stdout} = await cli(dir, ['audit', 'history.json', '-f', 'json', '--now', '2026-03-02T00:00:00Z'])
    const results = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string | null; line: number; column: number}>}>
    expect(results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'no-codenames').map((message) => `${message.line}:${message.column}`))).toEqual(['1:1', '1:1'])
  })

  it("reads liaison's own shape, and --from says how to read a file", async () => {
    const dir = copy()
    expect((await cli(dir, ['audit', 'liaison/incidents.yml', ...onlyEstimates])).code).toBe(0)
    const wrong = await cli(dir, ['audit', 'liaison/incidents.json', '--from', 'cstate'])
    expect(wrong).toEqual({code: 2, stdout: '', stderr: 'liaison: liaison/incidents.json: --from cstate was given, but this is not a Markdown file (.md): cState keeps one Markdown file per incident\n'})
  })

  it('reports each broken file in a folder on stderr, audits the rest, and exits 2', async () => {
    const dir = copy()
    cpSync(join(data, 'liaison/incidents.jsonl'), join(dir, 'bad/good.jsonl'))
    const {code, stdout, stderr} = await cli(dir, ['audit', 'bad', '-f', 'json', ...onlyEstimates])
    expect(code).toBe(2)
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(6)
    expect(stderr).toContain('liaison: bad/unknown-field.json: incidents[0].updates[0]: unknown field "created_at" (did you mean "createdAt"?)')
    expect((JSON.parse(stdout) as unknown[]).length).toBe(5)
  })

  it('says what is wrong with the command line and the sources', async () => {
    const dir = copy()
    expect(await cli(dir, ['audit'])).toMatchObject({code: 2, stderr: 'liaison: liaison audit needs a file, a folder or a status page address; see liaison audit --help\n'})
    expect((await cli(dir, ['audit', 'missing.json'])).stderr).toBe('liaison: missing.json: no such file or folder\n')
    expect((await cli(dir, ['audit', 'x.json', '--form', 'json'])).stderr).toBe('liaison: unknown option --form (did you mean --from?); see liaison audit --help\n')
    expect((await cli(dir, ['audit', 'x.json', '--now', 'yesterday'])).stderr).toBe('liaison: --now expects an ISO 8601 time with an offset, e.g. 2026-03-01T14:05:00Z; got "yesterday"\n')
    expect((await cli(dir, ['audit', 'x.json', '--timeout', 'soon'])).stderr).toBe('liaison: --timeout expects seconds between 0 and 600, got "soon"\n')
    expect((await cli(dir, ['audit', 'x.json', '--max-warnings', 'many'])).stderr).toBe('liaison: --max-warnings expects a whole number of warnings, got "many"\n')
    expect((await cli(dir, ['audit', 'x.json', '-c', 'a', '--no-config'])).stderr).toBe('liaison: --config and --no-config cannot be used together\n')
    expect((await cli(dir, ['audit', 'x.json', '-o', ' '])).stderr).toBe('liaison: --output-file needs a file name\n')
    expect((await cli(dir, ['audit', 'x.json', '--color', '--no-color'])).stderr).toBe('liaison: --color and --no-color cannot be used together\n')
    expect((await cli(dir, ['audit', 'x.json', '--from'])).stderr).toMatch(/^liaison: Option '--from <value>' argument missing; see liaison audit --help\n$/)
    expect((await cli(dir, ['audit', 'markdown'])).stderr).toBe('')
    expect((await cli(project({'empty/notes.txt': 'x'}), ['audit', 'empty'])).stderr).toBe('liaison: empty: no incident files in this folder (.md, .markdown, .jsonl, .ndjson, .json, .yml, .yaml)\n')
    expect((await cli(project({'bin.json': '\u0000'}), ['audit', 'bin.json'])).stderr).toBe('liaison: bin.json: binary (NUL byte at offset 0), not an incident file\n')
  })

  it('prints its help, writes -o, counts warnings against --max-warnings, and --quiet keeps errors', async () => {
    const dir = copy()
    const help = await cli(dir, ['audit', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: liaison audit \[options\] <file \| folder \| https:\/\/status\.example\.com>/)
    const asWarning = ['--rule', JSON.stringify(Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'no-resolution-estimate' ? 'warn' : 'off'])))]
    expect(await cli(dir, ['audit', 'statuspage/incidents.json', '--quiet', ...asWarning])).toEqual({code: 0, stdout: '', stderr: ''})
    const strict = await cli(dir, ['audit', 'statuspage/incidents.json', '--max-warnings', '0', ...asWarning])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toBe('liaison: too many warnings (1; --max-warnings is 0)\n')
    const written = await cli(dir, ['audit', 'statuspage/incidents.json', '-o', 'out.txt', ...onlyEstimates])
    expect(written.stdout).toBe('')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('no-resolution-estimate')
    expect((await cli(dir, ['audit', 'statuspage/incidents.json', '-o', 'nowhere/out.txt'])).stderr).toBe('liaison: --output-file nowhere/out.txt: folder nowhere does not exist\n')
    expect((await cli(dir, ['audit', 'statuspage/incidents.json', '-o', 'bad'])).stderr).toBe('liaison: --output-file bad: is a directory\n')
  })

  it('shows progress on a terminal only, for long audits', async () => {
    const incidents = Array.from({length: 250}, (_, i) => ({title: `Outage ${i}`, updates: [{body: 'Checkout is down.', createdAt: '2026-01-01T00:00:00Z'}]}))
    const dir = project({'many.json': {incidents}})
    const off = ['--rule', JSON.stringify(Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off'])))]
    const tty = await cli(dir, ['audit', 'many.json', ...off], {isTTY: true})
    expect(tty.stderr).toContain('\rliaison audit: 0/250 incidents (0%)')
    expect(tty.stderr).toContain('\rliaison audit: 250/250 incidents (100%)')
    expect(tty.stderr.endsWith('\r\u001B[2K')).toBe(true)
    expect((await cli(dir, ['audit', 'many.json', ...off])).stderr).toBe('')
  })
})

describe('liaison audit on a status page address (local server)', () => {
  let server: Server
  let origin = ''
  const seen: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '/'
      seen.push(path)
      if (path === '/api/v2/incidents.json') return void response.writeHead(200, {'content-type': 'application/json'}).end(readFileSync(join(data, 'statuspage/incidents.json')))
      if (path === '/html/api/v2/incidents.json') return void response.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html><title>Status</title>')
      if (path === '/other/api/v2/incidents.json') return void response.writeHead(200, {'content-type': 'application/json'}).end('{"status": "ok"}')
      if (path === '/big/api/v2/incidents.json') return void response.writeHead(200).end('x'.repeat(4096))
      if (path === '/error/api/v2/incidents.json') return void response.writeHead(500).end()
      // Never answers: the client's timeout must end the wait.
      if (path === '/slow/api/v2/incidents.json') return
      response.writeHead(404).end('not found')
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('The server has no port')
    origin = `http://127.0.0.1:${address.port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  })

  it('fetches /api/v2/incidents.json from the page and audits it', async () => {
    const dir = project()
    const {code, stdout, stderr} = await cli(dir, ['audit', `${origin}/`, ...onlyEstimates])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    expect(seen).toContain('/api/v2/incidents.json')
    expect(stdout).toContain(`${origin}/api/v2/incidents.json#b7d4k2l9s1qa/q1w2e3r4t5y6\n`)
    const sarif = JSON.parse((await cli(dir, ['audit', origin, '-f', 'sarif', ...onlyEstimates])).stdout) as {runs: Array<{results: Array<{locations: unknown[]}>}>}
    expect(sarif.runs[0]!.results[0]!.locations[0]).toEqual({
      physicalLocation: {artifactLocation: {uri: `${origin}/api/v2/incidents.json#b7d4k2l9s1qa/q1w2e3r4t5y6`}, region: {startLine: 1, startColumn: 129, endLine: 1, endColumn: 144}},
    })
    const github = (await cli(dir, ['audit', origin, '-f', 'github', ...onlyEstimates])).stdout
    expect(github).toMatch(/^::error file=http%3A\/\/127\.0\.0\.1%3A\d+\/api\/v2\/incidents\.json#b7d4k2l9s1qa\/q1w2e3r4t5y6,line=1,col=129,/)
  })

  it('says clearly when the address is no Statuspage site, too big, too slow or failing', async () => {
    const dir = project()
    const run = async (path: string, ...flags: string[]) => (await cli(dir, ['audit', `${origin}${path}`, ...flags])).stderr
    expect(await run('/nothing')).toBe(`liaison: ${origin}/nothing/api/v2/incidents.json: the server answered HTTP 404; it does not look like a Statuspage site; for another status tool, save its history to a file and run liaison audit on that\n`)
    expect(await run('/html')).toMatch(/: the answer is not JSON; it does not look like a Statuspage site/)
    expect(await run('/other')).toBe(`liaison: ${origin}/other/api/v2/incidents.json: not in Statuspage's shape: expected {"incidents": [...]} (as /api/v2/incidents.json sends), a list of incidents, or one incident, each with "incident_updates"\n`)
    expect(await run('/big', '--max-file-size', '1KiB')).toBe(`liaison: ${origin}/big/api/v2/incidents.json: the answer is over the 1 KiB limit (--max-file-size)\n`)
    expect(await run('/error')).toBe(`liaison: ${origin}/error/api/v2/incidents.json: the server answered HTTP 500\n`)
    expect(await run('/slow', '--timeout', '0.2')).toBe(`liaison: ${origin}/slow/api/v2/incidents.json: no complete answer within 0.2 s (--timeout)\n`)
    expect(await run('/x', '--from', 'cstate')).toBe(`liaison: ${origin}/x: --from cstate reads Markdown files; an address is read as Statuspage's API\n`)
    expect((await cli(dir, ['audit', 'http://127.0.0.1:1/'])).stderr).toMatch(/^liaison: http:\/\/127\.0\.0\.1:1\/api\/v2\/incidents\.json: cannot fetch it: /)
    expect((await cli(dir, ['audit', 'http://exa mple/'])).stderr).toBe('liaison: http://exa mple/: not a valid address\n')
  })
})

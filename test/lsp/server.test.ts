/**
 * `liaison lsp --stdio` as an editor runs it: the built command spawned,
 * spoken to over standard input and output with vscode-languageserver-
 * protocol. One session walks what an editor does: initialize, open,
 * change, diagnostics, a quick fix applied, a config changed, shutdown.
 */
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {bin, project, write} from '../cli/support.ts'
import {startClient} from './client.ts'

const draft = 'We think the outage was caused by a bad deploy. Customers may see errors when paying. Next update in 30 minutes.\n'

describe('liaison lsp --stdio', () => {
  it('lints as the editor types, fixes, follows config changes and shuts down', async () => {
    const dir = project({'.git/HEAD': 'ref: refs/heads/main\n'})
    const path = join(dir, 'drafts/outage.md')
    const client = await startClient({cwd: dir, spawned: true})
    expect(client.initialized.serverInfo?.name).toBe('liaison')
    expect(client.initialized.capabilities).toMatchObject({hoverProvider: true, codeActionProvider: {codeActionKinds: ['quickfix']}})
    const opened = await client.open(path, draft)
    // The server asked to watch configs and ignore files when initialized, before it linted anything.
    expect(JSON.stringify(client.registrations)).toContain('**/.liaisonrc.yaml')
    expect(opened.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.source])).toEqual([
      ['no-speculation', {start: {line: 0, character: 0}, end: {line: 0, character: 8}}, 'liaison'],
    ])
    expect(opened[0]!.codeDescription?.href).toMatch(/rules\/no-speculation\.md$/)

    // Typing a new guess at the end: an incremental change.
    const end = {line: 1, character: 0}
    const changed = await client.change(path, [{range: {start: end, end}, text: 'It is probably the database.\n'}])
    expect(changed.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([
      ['no-speculation', 0],
      ['no-speculation', 1],
    ])

    const actions = await client.codeActions(path, changed[0]!.range)
    expect(actions.map((action) => action.title)).toEqual(['Replace "We think" with "We are investigating whether"', 'Disable no-speculation for this paragraph'])
    const fixed = await client.apply(path, actions[0]!)
    expect(client.text(path)).toMatch(/^We are investigating whether the outage was caused by a bad deploy\./)
    expect(fixed.map((diagnostic) => diagnostic.range.start.line)).toEqual([1])

    // A config turns the rule off: the watched-file event re-lints the open draft.
    write(dir, {'.liaisonrc.yaml': 'rules:\n  no-speculation: off\n'})
    const relinted = client.next(path)
    client.watched([{uri: `file://${join(dir, '.liaisonrc.yaml')}`, type: 1}])
    expect(await relinted).toEqual([])

    expect(await client.stop()).toBe(0)
  })

  it('names its one transport when started without it', () => {
    const result = spawnSync(process.execPath, [bin, 'lsp'], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('liaison: lsp: say how to talk to the editor; usage: liaison lsp --stdio (the language server for editors; see docs/editors.md)\n')
  })
})

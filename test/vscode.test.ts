/**
 * The VS Code extension is packaged as a .vsix by the official packager,
 * offline, into a temporary folder, and the package holds what VS Code
 * needs: the manifest, the bundled client (with no npm dependency left to
 * install), the readme and the licence, and none of the sources. The
 * extension itself is tested through the server it starts (test/lsp/), not
 * inside VS Code.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {isBuiltin} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import yauzl from 'yauzl'
import {afterAll, describe, expect, it} from 'vitest'
import {packageVscode} from '../scripts/package-vscode.ts'

/** Every entry of a zip file, name → content. */
function unzip(path: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>()
  return new Promise((resolve, reject) => {
    yauzl.open(path, {lazyEntries: true}, (error, zip) => {
      if (error) {
        reject(error)
        return
      }
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError)
            return
          }
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

const folder = mkdtempSync(join(tmpdir(), 'liaison-vsix-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('editors/vscode', () => {
  it('packages as a .vsix that starts liaison lsp --stdio', async () => {
    const entries = await unzip(await packageVscode(folder))
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
    ])
    const manifest = JSON.parse(entries.get('extension/package.json')!) as {main: string; engines: {vscode: string}}
    expect(manifest).toMatchObject({main: './dist/extension.js', engines: {vscode: '^1.82.0'}})
    const bundle = entries.get('extension/dist/extension.js')!
    expect(bundle).toContain("args: [\"lsp\", \"--stdio\"]")
    // The language client is inside the bundle; only VS Code's own module is left to require.
    const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!))
    expect([...required].filter((name) => !isBuiltin(name))).toEqual(['vscode'])
    expect(entries.get('extension.vsixmanifest')).toContain('Id="liaison-vscode"')
  })
})

/**
 * Package the VS Code extension (editors/vscode) as a .vsix, offline:
 * stage its manifest, readme and the repository's LICENSE, bundle
 * src/extension.ts with vscode-languageclient into dist/extension.js
 * (esbuild, `vscode` left to the editor), and run the official packager
 * (@vscode/vsce) on the staged folder, without npm dependencies (they are in
 * the bundle). The extension is not part of the npm package: it never
 * touches the root's dist/.
 *
 *   npm run package:vscode [-- folder]    (default editors/vscode/out)
 */
import {copyFile, mkdir, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createVSIX} from '@vscode/vsce'
import {build} from 'esbuild'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const source = join(root, 'editors/vscode')

/** Writes `<folder>/liaison-vscode.vsix` (staging in `<folder>/extension`) and returns its path. */
export async function packageVscode(folder: string): Promise<string> {
  const stage = join(folder, 'extension')
  await rm(stage, {recursive: true, force: true})
  await mkdir(stage, {recursive: true})
  for (const name of ['package.json', 'README.md', '.vscodeignore']) await copyFile(join(source, name), join(stage, name))
  await copyFile(join(root, 'LICENSE'), join(stage, 'LICENSE'))
  await build({
    entryPoints: [join(source, 'src/extension.ts')],
    outfile: join(stage, 'dist/extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // VS Code 1.82 runs extensions on Node 18.
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  })
  const packagePath = join(folder, 'liaison-vscode.vsix')
  await createVSIX({cwd: stage, packagePath, dependencies: false})
  return packagePath
}

/* v8 ignore next 3 -- @preserve the command-line entry; test/vscode.test.ts calls packageVscode() */
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await packageVscode(resolve(process.argv[2] ?? join(source, 'out'))))
}

/**
 * Everything a lint run needs, behind one dynamic import from run.ts: --help,
 * --version and init never load the rules, and a lint run loads one chunk of
 * the bundled CLI instead of a dozen (each module file costs Node a resolve,
 * a read and a compile; see scripts/build-cli.mjs). What only some runs need
 * stays behind its own import: Markdown (remark), YAML, globs, ignore files,
 * the other formatters, and checking fixes to templates.
 */
export * from './blocks.ts'
export {catalogFor} from '../catalog.ts'
export {createConfigLoader, type LoadedConfig} from './config/load.ts'
export * from './files.ts'
export * from './fix.ts'
export * from './project.ts'
export {loadFormatter} from './formatters/index.ts'
export * from './results.ts'
export * from './settings.ts'
export {lintFile} from './templates.ts'

/**
 * Which files liaison lints, and how: the one place that decides a file's
 * kind from its name.
 *
 * Drafts and templates: `.md`/`.markdown` (Markdown), `.mdx` (Markdown with
 * JSX, src/templates/mdx.ts) and `.txt` (plain text), each with optional
 * front matter; `.yml`/`.yaml`/`.json` collections
 * of templates (see src/templates/extract.ts). Config and manifest files that
 * share those extensions (liaison's own config, package.json, pre-commit's
 * files) are never templates, so folder walks and globs pass them by.
 */

export type FileKind = 'markdown' | 'mdx' | 'text' | 'yaml' | 'json'

const byExtension: Readonly<Record<string, FileKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.txt': 'text',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.json': 'json',
}

export const extensions: readonly string[] = Object.keys(byExtension)

/** Files with a linted extension that hold configuration, never messages. */
const notTemplates: ReadonlySet<string> = new Set([
  '.liaisonrc',
  '.liaisonrc.json',
  '.liaisonrc.yaml',
  '.liaisonrc.yml',
  'liaison.config.json',
  'package.json',
  'package-lock.json',
  '.pre-commit-config.yaml',
  '.pre-commit-hooks.yaml',
])

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
}

export function fileKind(path: string): FileKind | undefined {
  const name = baseName(path)
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || notTemplates.has(name)) return undefined
  const extension = name.slice(dot).toLowerCase()
  return Object.hasOwn(byExtension, extension) ? byExtension[extension] : undefined
}

/** Why `path` is not linted, for a file named on the command line. */
export function whyNotLinted(path: string): string {
  const name = baseName(path)
  if (notTemplates.has(name)) return `${name} is a configuration file, not a template; liaison does not lint it`
  return `liaison lints ${extensions.join(', ')} files`
}

/**
 * The names a config file may have, in the order a folder is searched
 * (config.ts). Apart from config.ts, which loads the rules, so that the
 * language server can tell a config by its name without loading them.
 */
export const searchPlaces: string[] = [
  'package.json',
  '.liaisonrc',
  '.liaisonrc.json',
  '.liaisonrc.yaml',
  '.liaisonrc.yml',
  'liaison.config.js',
  'liaison.config.mjs',
  'liaison.config.json',
]

/**
 * liaison-plugin-acme: the rules Acme shares between its teams, and the
 * settings it recommends. A config loads it with
 *
 *   plugins:
 *     acme: liaison-plugin-acme
 *   preset: [recommended, acme/recommended]
 */
import {noTeamNames} from './no-team-names.js'

export const rules = [noTeamNames]

export const configs = {
  recommended: {rules: {'acme/no-team-names': 'error'}},
}

export default {rules, configs}

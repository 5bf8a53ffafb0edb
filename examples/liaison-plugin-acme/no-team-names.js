/**
 * acme/no-team-names: customers don't know who "the platform team" is, and
 * naming a team points a finger. Say what is being done instead.
 */
import {defineRule, Lexicon} from 'liaison'

export const noTeamNames = defineRule({
  id: 'acme/no-team-names',
  description: "No internal team names in customer messages",
  severity: 'warn',
  recommended: false,
  url: 'https://github.com/liaison-lint/liaison/blob/main/examples/liaison-plugin-acme/README.md',
  note: 'Customers do not know our teams. Say what is being done ("engineers are rolling back the change") instead.',
  messages: {team: '"{team}" is an internal team: say what is being done instead, e.g. "our engineers are rolling back the change"'},
  options: {
    teams: {type: 'string[]', default: ['platform team', 'sre team', 'on-call team', 'infra team'], description: 'Team names, lower case'},
  },
  // Once per configuration: one trie for every team name, matched in one pass per sentence.
  create({teams}) {
    const lexicon = new Lexicon(teams, (team) => [team])
    return ({doc, report}) => {
      for (const sentence of doc.sentences) {
        for (const match of lexicon.find(sentence)) {
          report({messageId: 'team', start: match.start, end: match.end, data: {team: doc.text.slice(match.start, match.end)}})
        }
      }
    }
  },
})

/**
 * Default messages, one per phase, for `liaison init` and the playground.
 * Prepared in advance so that nobody writes from scratch under pressure.
 * `{{…}}` placeholders are filled in during the incident. Each passes the
 * `strict` preset: impact first, what we are doing, a next-update promise,
 * no estimate, no guess, no internal detail.
 */
import type {IncidentPhase} from '../analysis/phase.ts'

export interface DefaultTemplate {
  /** For a status page or email. */
  body: string
  /** Fits Twitter's 280 with placeholders at their default width. */
  tweet: string
}

export const defaultTemplates: Readonly<Record<IncidentPhase, DefaultTemplate>> = {
  investigating: {
    body:
      'We are investigating reports that {{component}} is unavailable or slow for some customers. ' +
      'You may see errors or delays when using {{component}}. ' +
      'We will post an update within 30 minutes, or sooner if we learn more.',
    tweet: 'We are investigating errors and delays with {{component}} for some customers. Next update within 30 minutes: {{status_url}}',
  },
  identified: {
    body:
      'We have identified the cause of the errors and delays affecting {{component}}, and we are working on a fix. ' +
      'Customers may still see failed or slow requests until the fix is in place. ' +
      'Workaround: {{workaround}}. We will post an update within 30 minutes.',
    tweet: 'We found the cause of the errors and delays with {{component}} and are working on a fix. Next update within 30 minutes: {{status_url}}',
  },
  monitoring: {
    body:
      'A fix has been applied for the errors and delays affecting {{component}}, and we are monitoring the results. ' +
      'Requests should succeed again; if you still see errors, please retry. ' +
      'We will post an update within 60 minutes.',
    tweet: 'A fix for the errors and delays with {{component}} is in place and we are monitoring. If you still see errors, please retry. Next update within 60 minutes: {{status_url}}',
  },
  resolved: {
    body:
      'This incident has been resolved. Between {{start_time}} and {{end_time}}, some customers saw errors and delays when using {{component}}. ' +
      'Everything is working normally again. Thank you for your patience.',
    tweet: 'Resolved: {{component}} is working normally again. Thank you for your patience. Details: {{status_url}}',
  },
}

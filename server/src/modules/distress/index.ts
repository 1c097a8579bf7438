/**
 * Front door of `distress`: support requests as cases (stored, then acked, then sent to staff [DS1]
 * [DS2]), their compare-and-set transitions, the on-call webhook and its address rules [OC4], re-alerts
 * [DS6]. Their retention is the retention module's. Others may act on a case and check a webhook address.
 */
export { act } from './cases.js';
export { webhookUrlRefusal } from './oncall-address.js';

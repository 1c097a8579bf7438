/**
 * Front door of `participants`: credentials (hashed), standing [AU6] (one check on every path that
 * admits someone), the staff-name rule, and the handshake's and room:join's gates built on them.
 */
export { staffNameMessage, takesStaffName } from './staff-names.js';
export { observationOff, standingRefusal } from './standing.js';

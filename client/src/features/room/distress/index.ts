/**
 * Distress: asking for support (H), facilitators' support requests and their handling, the private
 * conversations on them and the facilitators' channel, the hidden supervisor's read-only view.
 * Depends on the pull-aside, media and the session.
 */
export { DistressProvider, useConversations, useDistress } from './distress-context';
export { SupportColumn } from './support-column';
export { SupportRequestButton } from './support-request-button';
export { OpenCaseDialog } from './open-case-dialog';
export { canAskForSupport } from './distress-state';

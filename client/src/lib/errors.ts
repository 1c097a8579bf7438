import type { ErrorCode } from '@hearth/shared';

/**
 * An expected failure as the UI sees it: the server's codes plus two the client can hit on its own
 * (no answer at all, or an answer that does not match the protocol). The message is shown to people,
 * so it is always plain and calm.
 */
export type ClientErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
}

export const networkError: ClientError = {
  code: 'network_error',
  message: "We couldn't reach Hearth just now. Check your connection and try again.",
};

export const unexpectedResponse: ClientError = {
  code: 'unexpected_response',
  message: 'Hearth sent an answer this page did not understand. Reloading the page usually helps.',
};

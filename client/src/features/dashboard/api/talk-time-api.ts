import { HttpRoutes } from '@hearth/shared';
import { call } from '../../../lib/api';

/** [TT9] A session's talk-time summary: the group's facilitator only (the server checks). */
export const getTalkSummary = (sessionId: string) => call(HttpRoutes.sessionTalkTime, { params: { sessionId } });

import { ApiRoutes, TalkSummarySchema } from '@hearth/shared';
import { request } from '../../../lib/api';

/** [TT9] A session's talk-time summary: the group's facilitator only (the server checks). */
export const getTalkSummary = (sessionId: string) => request('GET', ApiRoutes.sessionTalkTime(sessionId), TalkSummarySchema);

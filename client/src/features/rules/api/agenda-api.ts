import { HttpRoutes, type SaveAgendaBody } from '@hearth/shared';
import { call } from '../../../lib/api';

/** The group's agenda, for its facilitator. */
export const getGroupAgenda = (groupId: string) => call(HttpRoutes.groupAgenda, { params: { groupId } });
export const saveGroupAgenda = (groupId: string, body: SaveAgendaBody) => call(HttpRoutes.saveGroupAgenda, { params: { groupId }, body });

import { AgendaRoutes, GroupAgendaSchema, type SaveAgendaBody } from '@hearth/shared';
import { request } from '../../../lib/api';

/** The group's agenda, for its facilitator. */
export const getGroupAgenda = (groupId: string) => request('GET', AgendaRoutes.groupAgenda(groupId), GroupAgendaSchema);
export const saveGroupAgenda = (groupId: string, body: SaveAgendaBody) => request('PUT', AgendaRoutes.groupAgenda(groupId), GroupAgendaSchema, body);

import Type from 'typebox';
import { IdSchema } from '../protocol/entities.js';
import { AgendaPhaseSchema, PhaseNameSchema } from '../protocol/agenda.js';

/** `GET`/`PUT /api/groups/:groupId/agenda`. `saved` is false while the group uses the default phases. */
export const GroupAgendaSchema = Type.Object({
  phases: Type.Array(AgendaPhaseSchema),
  saved: Type.Boolean(),
  updatedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type GroupAgenda = Type.Static<typeof GroupAgendaSchema>;

/** The whole list in its new order. A phase keeps its `id` when renamed or moved; one without is new. */
export const SaveAgendaBodySchema = Type.Object(
  {
    phases: Type.Array(
      Type.Object({ id: Type.Optional(IdSchema), name: PhaseNameSchema, opensRules: Type.Boolean() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 12 },
    ),
  },
  { additionalProperties: false },
);
export type SaveAgendaBody = Type.Static<typeof SaveAgendaBodySchema>;

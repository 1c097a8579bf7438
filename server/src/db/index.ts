/**
 * Front door of `db`: the Kysely database type and its table types, for repositories.
 */
export { type Db } from './database.js';
export { type DistressEventsTable, type GroupsTable, type InvitesTable, type ParticipantsTable, type SessionsTable } from './schema.js';

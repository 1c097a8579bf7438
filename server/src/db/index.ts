/**
 * Front door of `db`: the Kysely database type and its table types, for repositories; opening and migrating it,
 * for the operator's commands (cli/), which run without the app.
 */
export { migrateToLatest, openDatabase, type Db } from './database.js';
export { type DistressEventsTable, type FacilitatorInvitesTable, type GroupsTable, type InvitesTable, type ParticipantsTable, type SessionsTable } from './schema.js';

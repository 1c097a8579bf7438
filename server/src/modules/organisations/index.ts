/**
 * Front door of `organisations` [OR1]-[OR5]: organisations, their accounts (administrators and members) and
 * contacts, and what an administrator sees of the groups hosted under one: that they exist, their session dates
 * and attendance counts. It never reads members' names, attendance by name, talk time, support records or notes:
 * its repository's only query of the groups' sessions selects dates and a count. Nobody else imports it.
 */
export { organisationsRepository, type OrganisationsRepository } from './organisations.repository.js';

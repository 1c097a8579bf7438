/**
 * Front door of `cli`: the operator's commands (`npm run reset-link`, `npm run account`), each a process that opens
 * the server's database with the server's settings, runs one command from modules/accounts and exits with its code.
 */
export { runOperatorCommand } from './operator.js';

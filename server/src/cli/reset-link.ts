// `npm run reset-link -- <email>` [AC5]: prints a one-time link to set a new password.
import { resetLinkCommand } from '../modules/accounts/operator-commands.js';
import { runOperatorCommand } from './operator.js';

await runOperatorCommand(resetLinkCommand);

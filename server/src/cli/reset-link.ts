// `npm run reset-link -- <email>` [AC5]: prints a one-time link to set a new password.
import { resetLinkCommand } from '../modules/accounts/index.js';
import { runOperatorCommand } from './index.js';

await runOperatorCommand(resetLinkCommand);

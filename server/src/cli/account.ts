// `npm run account -- add <email> [name] | disable <email> | enable <email>` [AC7] [AC8].
import { accountCommand } from '../modules/accounts/index.js';
import { runOperatorCommand } from './index.js';

await runOperatorCommand(accountCommand);

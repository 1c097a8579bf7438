// `npm run account -- add <email> [name] | disable <email> | enable <email>` [AC7] [AC8].
import { accountCommand } from '../modules/accounts/operator-commands.js';
import { runOperatorCommand } from './operator.js';

await runOperatorCommand(accountCommand);

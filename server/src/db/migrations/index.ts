import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as distressAlerts from './002-distress-alerts.js';
import * as groupSupportDetails from './003-group-support-details.js';
import * as privateMessages from './004-private-messages.js';
import * as groundRules from './005-ground-rules.js';
import * as sessionAgenda from './006-session-agenda.js';
import * as talkTime from './007-talk-time.js';
import * as floor from './008-floor.js';
import * as moderationSet from './009-moderation-set.js';
import * as caseMemberIncluded from './010-case-member-included.js';
import * as liveSnapshots from './011-live-snapshots.js';
import * as groupObservation from './012-group-observation.js';
import * as mediaEncryption from './013-media-encryption.js';
import * as accountRecovery from './014-account-recovery.js';
import * as recordsExpired from './015-records-expired.js';
import * as groupReactions from './016-group-reactions.js';
import * as coFacilitators from './017-co-facilitators.js';
import * as organisations from './018-organisations.js';

/**
 * Versioned migrations, listed in code rather than read from a folder so they bundle and run the same
 * way under tsx, in tests and in production. Append new ones; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-distress-alerts': distressAlerts,
  '003-group-support-details': groupSupportDetails,
  '004-private-messages': privateMessages,
  '005-ground-rules': groundRules,
  '006-session-agenda': sessionAgenda,
  '007-talk-time': talkTime,
  '008-floor': floor,
  '009-moderation-set': moderationSet,
  '010-case-member-included': caseMemberIncluded,
  '011-live-snapshots': liveSnapshots,
  '012-group-observation': groupObservation,
  '013-media-encryption': mediaEncryption,
  '014-account-recovery': accountRecovery,
  '015-records-expired': recordsExpired,
  '016-group-reactions': groupReactions,
  '017-co-facilitators': coFacilitators,
  '018-organisations': organisations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

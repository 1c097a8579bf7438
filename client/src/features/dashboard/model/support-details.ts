/**
 * The support details form as pure data: what the fields hold, what is wrong with them (in words that
 * say how to fix it), and the body that is sent. Kept apart from React so every rule can be tested,
 * and so the limits are read from the shared schema and can never disagree with the server.
 */
import { SupportTextSchema, UpdateGroupSupportBodySchema as Body, type Group, type UpdateGroupSupportBody, limitOf, maxLengthOf, minLengthOf } from '@hearth/shared';

export const SUPPORT_TEXT_MAX = maxLengthOf(SupportTextSchema);
export const WEBHOOK_URL_MAX = maxLengthOf(Body, 'oncallWebhook', 'url');
export const WEBHOOK_SECRET_MIN = minLengthOf(Body, 'oncallWebhook', 'secret');
export const WEBHOOK_SECRET_MAX = maxLengthOf(Body, 'oncallWebhook', 'secret');
export const RETENTION_MIN_DAYS = limitOf(Body, 'minimum', 'recordsRetentionDays');
export const RETENTION_MAX_DAYS = limitOf(Body, 'maximum', 'recordsRetentionDays');

/**
 * What to do with the on-call webhook on save. The server never sends the secret back, so an existing
 * webhook can only be kept as it is, replaced (address and a secret together) or turned off.
 */
export type WebhookChoice = 'keep' | 'set' | 'off';

export interface SupportValues {
  crisisResources: string;
  emergencyContacts: string;
  /** As typed: a number input's text, checked on save. */
  retentionDays: string;
  webhook: WebhookChoice;
  webhookUrl: string;
  webhookSecret: string;
  includeContent: boolean;
}

export type SupportField = 'crisisResources' | 'emergencyContacts' | 'retentionDays' | 'webhookUrl' | 'webhookSecret';
export type SupportErrors = Partial<Record<SupportField, string>>;

/** The form as the server last saved it; the secret always starts empty (it is write-only). */
export function supportValuesOf(group: Group): SupportValues {
  return {
    crisisResources: group.crisisResources ?? '',
    emergencyContacts: group.emergencyContacts ?? '',
    retentionDays: String(group.recordsRetentionDays),
    webhook: group.oncallWebhookUrl ? 'keep' : 'off',
    webhookUrl: group.oncallWebhookUrl ?? '',
    webhookSecret: '',
    includeContent: group.oncallIncludeContent,
  };
}

/** Counts what the server checks: the text it keeps is trimmed, and limits count characters (code points). */
export function characterCount(value: string): number {
  return [...value.trim()].length;
}

function checkSupportText(value: string): string | undefined {
  const length = characterCount(value);
  return length > SUPPORT_TEXT_MAX ? `Please keep it to ${SUPPORT_TEXT_MAX} characters or fewer (now ${length}).` : undefined;
}

function checkRetention(value: string): string | undefined {
  const text = value.trim();
  const days = Number(text);
  if (text === '' || !/^\d+$/.test(text) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
    return `Please enter a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}.`;
  }
  return undefined;
}

// The server's rule is `^https?://` followed by no spaces; parsing as a URL as well catches "https://"
// on its own, which the server would take but nothing could ever be delivered to.
function checkWebhookUrl(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Please enter the web address reports should go to.';
  let parsed: URL | null = null;
  try {
    parsed = new URL(text);
  } catch {
    parsed = null;
  }
  if (!/^https?:\/\/\S+$/.test(text) || !parsed || parsed.hostname === '') {
    return 'Please enter a full web address starting with https://, e.g. https://oncall.example.org/hearth.';
  }
  if (text.length > WEBHOOK_URL_MAX) return `Please keep the address to ${WEBHOOK_URL_MAX} characters or fewer.`;
  return undefined;
}

function checkWebhookSecret(value: string): string | undefined {
  const length = [...value].length;
  if (length === 0) return `Please enter a secret of at least ${WEBHOOK_SECRET_MIN} characters, or generate one.`;
  if (length < WEBHOOK_SECRET_MIN) return `The secret needs at least ${WEBHOOK_SECRET_MIN} characters (now ${length}).`;
  if (length > WEBHOOK_SECRET_MAX) return `Please keep the secret to ${WEBHOOK_SECRET_MAX} characters or fewer.`;
  return undefined;
}

/** Every problem at once, in the order the fields appear, so focus can go to the first. */
export function checkSupportValues(values: SupportValues): SupportErrors {
  const errors: SupportErrors = {};
  const add = (field: SupportField, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  add('crisisResources', checkSupportText(values.crisisResources));
  add('emergencyContacts', checkSupportText(values.emergencyContacts));
  add('retentionDays', checkRetention(values.retentionDays));
  if (values.webhook === 'set') {
    add('webhookUrl', checkWebhookUrl(values.webhookUrl));
    add('webhookSecret', checkWebhookSecret(values.webhookSecret));
  }
  return errors;
}

export const hasErrors = (errors: SupportErrors) => Object.keys(errors).length > 0;

/**
 * The PUT body. Both texts are always sent, so clearing a field (an empty string) clears it on the
 * server too. The secret is sent exactly as typed: it has to match the receiver's copy byte for byte.
 */
export function supportBody(values: SupportValues): UpdateGroupSupportBody {
  const body: UpdateGroupSupportBody = {
    crisisResources: values.crisisResources.trim(),
    emergencyContacts: values.emergencyContacts.trim(),
    recordsRetentionDays: Number(values.retentionDays.trim()),
    oncallIncludeContent: values.webhook !== 'off' && values.includeContent,
  };
  if (values.webhook === 'set') body.oncallWebhook = { url: values.webhookUrl.trim(), secret: values.webhookSecret };
  if (values.webhook === 'off') body.oncallWebhook = null;
  return body;
}

/** A random secret (32 bytes as 64 hex characters) for people who have no generator at hand. */
export function generateSecret(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

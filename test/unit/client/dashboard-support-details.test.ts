import { describe, expect, test } from 'vitest';
import { check, UpdateGroupSupportBodySchema, type Group } from '@hearth/shared';
import {
  characterCount,
  checkSupportValues,
  generateSecret,
  hasErrors,
  supportBody,
  supportValuesOf,
  type SupportValues,
} from '../../../client/src/features/dashboard/model/support-details.js';

const group: Group = {
  id: 'g1',
  name: 'Tuesday circle',
  purpose: '',
  organisation: null,
  createdAt: 0,
  crisisResources: null,
  emergencyContacts: null,
  oncallWebhookUrl: null,
  oncallIncludeContent: false,
  recordsRetentionDays: 90,
  observationAllowed: true,
  mediaEncryption: false,
  hostOrganisationId: null,
  yourRole: 'host',
};

const base: SupportValues = supportValuesOf(group);
const secret = 'a'.repeat(16);

describe('the form starts from what the server saved', () => {
  test('an empty group: blank texts, 90 days, no webhook, no secret', () => {
    expect(base).toEqual({
      crisisResources: '',
      emergencyContacts: '',
      retentionDays: '90',
      webhook: 'off',
      webhookUrl: '',
      webhookSecret: '',
      includeContent: false,
    });
  });

  test('a group with a webhook keeps it by default, and the secret is never filled in', () => {
    const values = supportValuesOf({ ...group, crisisResources: 'Call 116 123', oncallWebhookUrl: 'https://oncall.example.org/h', oncallIncludeContent: true, recordsRetentionDays: 30 });
    expect(values).toMatchObject({ crisisResources: 'Call 116 123', webhook: 'keep', webhookUrl: 'https://oncall.example.org/h', webhookSecret: '', includeContent: true, retentionDays: '30' });
  });
});

describe('checks say how to fix each field', () => {
  test('valid values have no errors', () => {
    expect(hasErrors(checkSupportValues(base))).toBe(false);
    expect(hasErrors(checkSupportValues({ ...base, webhook: 'set', webhookUrl: 'https://oncall.example.org/hearth', webhookSecret: secret }))).toBe(false);
  });

  test('texts are counted as the server counts them: trimmed, one per character, emoji included', () => {
    expect(characterCount('  hello  ')).toBe(5);
    expect(characterCount('😀😀')).toBe(2);
    expect(checkSupportValues({ ...base, crisisResources: '😀'.repeat(2000) }).crisisResources).toBeUndefined();
    expect(checkSupportValues({ ...base, crisisResources: ` ${'x'.repeat(2000)} ` }).crisisResources).toBeUndefined();
    expect(checkSupportValues({ ...base, emergencyContacts: 'x'.repeat(2001) }).emergencyContacts).toBe(
      'Please keep it to 2000 characters or fewer (now 2001).',
    );
  });

  test.each(['', '0', '3651', '1.5', '-3', 'ninety', ' '])('retention %j is refused with the allowed range', (retentionDays) => {
    expect(checkSupportValues({ ...base, retentionDays }).retentionDays).toBe('Please enter a whole number of days from 1 to 3650.');
  });

  test.each(['1', '90', '3650', ' 30 '])('retention %j is accepted', (retentionDays) => {
    expect(checkSupportValues({ ...base, retentionDays }).retentionDays).toBeUndefined();
  });

  test.each(['', 'oncall.example.org', 'ftp://oncall.example.org', 'https://', 'https://on call.example.org'])(
    'webhook address %j is refused',
    (webhookUrl) => {
      expect(checkSupportValues({ ...base, webhook: 'set', webhookUrl, webhookSecret: secret }).webhookUrl).toMatch(/^Please enter/);
    },
  );

  test('a secret needs 16 to 200 characters, and is required to set or replace a webhook', () => {
    const set = (webhookSecret: string) => checkSupportValues({ ...base, webhook: 'set', webhookUrl: 'https://x.example', webhookSecret }).webhookSecret;
    expect(set('')).toMatch(/at least 16 characters, or generate one/);
    expect(set('x'.repeat(15))).toBe('The secret needs at least 16 characters (now 15).');
    expect(set('x'.repeat(200))).toBeUndefined();
    expect(set('x'.repeat(201))).toMatch(/200 characters or fewer/);
  });

  test('address and secret are not checked when the webhook is kept or turned off', () => {
    expect(checkSupportValues({ ...base, webhook: 'keep', webhookUrl: '', webhookSecret: '' })).toEqual({});
    expect(checkSupportValues({ ...base, webhook: 'off', webhookUrl: 'nonsense', webhookSecret: 'short' })).toEqual({});
  });

  test('every problem is reported at once, in the order of the fields', () => {
    const errors = checkSupportValues({ ...base, crisisResources: 'x'.repeat(2001), retentionDays: '0', webhook: 'set', webhookUrl: 'nope', webhookSecret: '' });
    expect(Object.keys(errors)).toEqual(['crisisResources', 'retentionDays', 'webhookUrl', 'webhookSecret']);
  });
});

describe('the body sent to PUT /api/groups/:id/support', () => {
  test('sends both texts trimmed (an empty one clears it) and the retention as a number', () => {
    const body = supportBody({ ...base, crisisResources: '  Call 116 123 \n', emergencyContacts: '', retentionDays: ' 30 ' });
    expect(body).toEqual({ crisisResources: 'Call 116 123', emergencyContacts: '', recordsRetentionDays: 30, oncallIncludeContent: false, oncallWebhook: null });
    expect(check(UpdateGroupSupportBodySchema, body)).toBe(true);
  });

  test('keeping the webhook leaves it out of the body, so the server keeps address and secret', () => {
    const body = supportBody({ ...base, webhook: 'keep', webhookUrl: 'https://x.example', includeContent: true });
    expect(body).not.toHaveProperty('oncallWebhook');
    expect(body.oncallIncludeContent).toBe(true);
  });

  test('setting sends the trimmed address with the secret exactly as typed', () => {
    const body = supportBody({ ...base, webhook: 'set', webhookUrl: ' https://oncall.example.org/h ', webhookSecret: ` ${secret} ` });
    expect(body.oncallWebhook).toEqual({ url: 'https://oncall.example.org/h', secret: ` ${secret} ` });
    expect(check(UpdateGroupSupportBodySchema, body)).toBe(true);
  });

  test('turning it off sends null and stops content from being included', () => {
    const body = supportBody({ ...base, webhook: 'off', includeContent: true });
    expect(body.oncallWebhook).toBeNull();
    expect(body.oncallIncludeContent).toBe(false);
  });

  test('values that pass the checks always make a body the server schema accepts', () => {
    const edges: SupportValues[] = [
      { ...base, crisisResources: '😀'.repeat(2000), emergencyContacts: 'x'.repeat(2000), retentionDays: '1' },
      { ...base, retentionDays: '3650', webhook: 'set', webhookUrl: `https://x.example/${'p'.repeat(400)}`, webhookSecret: 'é'.repeat(200) },
      { ...base, webhook: 'set', webhookUrl: 'http://10.0.0.2:8080/hook', webhookSecret: generateSecret() },
    ];
    for (const values of edges) {
      expect(checkSupportValues(values)).toEqual({});
      expect(check(UpdateGroupSupportBodySchema, supportBody(values))).toBe(true);
    }
  });
});

test('a generated secret is 64 hex characters from the random source, different each time', () => {
  expect(generateSecret((bytes) => bytes.fill(255))).toBe('f'.repeat(64));
  const secret1 = generateSecret();
  expect(secret1).toMatch(/^[0-9a-f]{64}$/);
  expect(generateSecret()).not.toBe(secret1);
});

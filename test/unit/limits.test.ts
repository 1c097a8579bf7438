import { describe, expect, it } from 'vitest';
import Type from 'typebox';
import { CreateGroupBodySchema, GroupWelcomeSchema, limitOf, maxLengthOf, minLengthOf, SaveAgendaBodySchema, SaveRulesBodySchema, UpdateGroupSupportBodySchema } from '@hearth/shared';

describe('limits read from the shared schemas', () => {
  it.each([
    ['a property', maxLengthOf(CreateGroupBodySchema, 'name'), 80],
    ['an optional property', maxLengthOf(CreateGroupBodySchema, 'organisation'), 80],
    ['a nullable field (a union with null)', maxLengthOf(GroupWelcomeSchema, 'welcomeText'), 2000],
    ['inside an optional union object', minLengthOf(UpdateGroupSupportBodySchema, 'oncallWebhook', 'secret'), 16],
    ['an array element property', maxLengthOf(SaveRulesBodySchema, 'rules', 'items', 'text'), 400],
    ['an array length', limitOf(SaveAgendaBodySchema, 'maxItems', 'phases'), 12],
    ['a number range', limitOf(UpdateGroupSupportBodySchema, 'maximum', 'recordsRetentionDays'), 3650],
  ])('%s', (_where, got, wanted) => {
    expect(got).toBe(wanted);
  });

  it('a limit that is not in the schema throws, naming where it looked', () => {
    expect(() => maxLengthOf(CreateGroupBodySchema, 'nope')).toThrow('No maxLength in the schema at nope');
    expect(() => maxLengthOf(Type.String())).toThrow('(root)');
  });
});

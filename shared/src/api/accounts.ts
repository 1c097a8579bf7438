import Type from 'typebox';
import { DisplayNameSchema } from '../protocol/entities.js';

export const EmailSchema = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
export const PasswordSchema = Type.String({ minLength: 10, maxLength: 200 });

export const AccountSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
});
export type Account = Type.Static<typeof AccountSchema>;

export const SetupStatusSchema = Type.Object({ needed: Type.Boolean() });
export type SetupStatus = Type.Static<typeof SetupStatusSchema>;

export const SetupBodySchema = Type.Object(
  {
    token: Type.String({ minLength: 16, maxLength: 200 }),
    email: EmailSchema,
    displayName: DisplayNameSchema,
    password: PasswordSchema,
  },
  { additionalProperties: false },
);
export type SetupBody = Type.Static<typeof SetupBodySchema>;

export const LoginBodySchema = Type.Object(
  { email: EmailSchema, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Type.Static<typeof LoginBodySchema>;

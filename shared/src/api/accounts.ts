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

/** [AC5] Asking for a reset link by email: the answer is the same whether or not the email has an account. */
export const ForgotPasswordBodySchema = Type.Object({ email: EmailSchema }, { additionalProperties: false });
export type ForgotPasswordBody = Type.Static<typeof ForgotPasswordBodySchema>;

/**
 * [AC5] Setting a password with a one-time link. The token is any string up to 200 characters, so a link copied
 * badly is told "not a valid link" (`reset_link_invalid`) rather than "invalid payload".
 */
export const ResetPasswordBodySchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: PasswordSchema },
  { additionalProperties: false },
);
export type ResetPasswordBody = Type.Static<typeof ResetPasswordBodySchema>;

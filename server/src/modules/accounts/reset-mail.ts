import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { SmtpConfig } from '../../config.js';

export interface ResetMailer {
  /** Sends the link; resolves when the relay accepted it, rejects when it did not. */
  send(to: string, link: string): Promise<void>;
}

/** [AC5] The reset email: plain text, the link and what to do if they did not ask. No HTML, nothing tracked. */
export function resetMailText(link: string): string {
  return [
    'Someone (hopefully you) asked to reset the password of your Hearth facilitator account.',
    '',
    'Open this link within an hour to choose a new password. It works once:',
    link,
    '',
    'Setting a new password signs you out everywhere you were signed in.',
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
}

export function smtpResetMailer(smtp: SmtpConfig): ResetMailer {
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(to, link) {
      await transport.sendMail({ from: smtp.from, to, subject: 'Reset your Hearth password', text: resetMailText(link) });
    },
  };
}

/**
 * Sends without the caller waiting, so "Forgot password" answers in the same time whether or not a mail goes out.
 * A failure is logged without the address or the link (PR1).
 */
export function sendInBackground(mailer: ResetMailer, log: FastifyBaseLogger, to: string, link: string): void {
  mailer.send(to, link).catch((err: unknown) => {
    log.warn({ reason: err instanceof Error ? err.message.replace(/\S+@\S+/g, '<address>') : 'unknown' }, 'reset email not sent');
  });
}

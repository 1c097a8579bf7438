import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server (the smtp-server package) on 127.0.0.1:0 that keeps what it receives, for SMTP_URL. */
export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the next mail (or one already received beyond `seen`). */
  nextMail(seen?: number, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async nextMail(seen = mails.length, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length <= seen) {
        if (Date.now() > deadline) throw new Error('no mail arrived');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return mails[seen] as ReceivedMail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The reset link in a mail body (quoted-printable soft breaks undone). */
export function resetLinkIn(mail: ReceivedMail): string {
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /(https?:\/\/\S+\/reset#token=[A-Za-z0-9_-]+)/.exec(body)?.[1];
  if (!link) throw new Error('no reset link in the mail');
  return link;
}

/** A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps every message it accepts. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running sink; `stop` closes it, `start` opens it again on the same port (SMTP down, then up). */
export interface SmtpSink {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** The SMTP envelope of each accepted message (RCPT TO decides who gets it, not the To header). */
  envelopes: { mailFrom: string; rcptTo: string[] }[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts a sink on a random loopback port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const envelopes: SmtpSink['envelopes'] = [];
  let server: SMTPServer;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
          };
          simpleParser(stream).then(
            (mail) => {
              messages.push(mail);
              envelopes.push(envelope);
              callback();
            },
            (error: Error) => callback(error),
          );
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    envelopes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
  };
  return sink;
}

/** A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps every message it accepts. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running sink; `stop` closes it, `start` opens it again on the same port (SMTP down, then up). */
export interface SmtpSink {
  port: number;
  url: string;
  messages: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts a sink on a random loopback port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let server: SMTPServer;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              messages.push(mail);
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
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
  };
  return sink;
}

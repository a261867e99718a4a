import { createServer, type Server } from 'node:net';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { MailerService } from '../mailer.service.js';

/**
 * With SMTP_URL the mailer sends through nodemailer (loaded when the mailer is made, not at start-up): a
 * minimal SMTP server on a loopback port receives the message; a refused connection is recorded on the outbox
 * row and thrown (the job retries).
 */
describe('MailerService over SMTP', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer((socket) => {
      let data = false;
      let message = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk) => {
        for (const line of chunk.toString('utf8').split('\r\n')) {
          if (data) {
            if (line === '.') {
              data = false;
              received.push(message);
              socket.write('250 queued\r\n');
            } else message += `${line}\n`;
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
          else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 ok\r\n');
          else if (/^DATA/i.test(line)) {
            data = true;
            socket.write('354 go on\r\n');
          } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function mailer(smtpUrl: string) {
    const queries: Array<{ sql: string; params: unknown[] }> = [];
    const dataSource = {
      query: async (sql: string, params: unknown[]) => {
        queries.push({ sql, params });
        return sql.startsWith('INSERT') ? [{ id: 'outbox-1', sent_at: null }] : [];
      },
    } as unknown as DataSource;
    const config = AppConfig.load({ NODE_ENV: 'test', DATA_DIR: 'memory', SMTP_URL: smtpUrl, LOG_LEVEL: 'error' });
    return { service: new MailerService(config, dataSource), queries };
  }

  const mail = {
    userId: null,
    to: 'amina@example.org',
    subject: 'Your application was shortlisted',
    text: 'Hello Amina',
    dedupeKey: 'k1',
  };

  it('delivers the message to the SMTP server and marks the outbox row sent', async () => {
    const { service, queries } = mailer(`smtp://127.0.0.1:${port}`);
    expect(service.transport).toBe('smtp');
    await expect(service.send(mail)).resolves.toBe(true);
    service.onApplicationShutdown();
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Subject: Your application was shortlisted');
    expect(received[0]).toContain('Hello Amina');
    expect(queries.at(-1)?.sql).toContain('SET sent_at = now()');
  });

  it('records a refused connection on the outbox row and throws', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { service, queries } = mailer(`smtp://127.0.0.1:${closedPort}`);
    await expect(service.send({ ...mail, dedupeKey: 'k2' })).rejects.toThrow(/ECONNREFUSED/);
    service.onApplicationShutdown();
    expect(queries.at(-1)).toEqual({
      sql: expect.stringContaining('SET last_error'),
      params: ['outbox-1', expect.stringMatching(/ECONNREFUSED/)],
    });
  });
});

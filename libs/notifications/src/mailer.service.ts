import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createRequire } from 'node:module';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';

/** nodemailer, loaded only when mail goes out over SMTP, not at every start-up. */
const nodemailer = () => createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');

export interface Mail {
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  /** The HTML part, sent with the text as multipart/alternative. */
  html?: string | null;
  /** Sending twice with the same key mails once (retries, redelivered jobs). */
  dedupeKey: string;
}

/**
 * Sends e-mail: nodemailer over SMTP when SMTP_URL is set; otherwise the "log" transport, which
 * only logs. Every mail is first written to email_outbox (keyed by dedupeKey) and marked sent
 * after the transport accepted it, so a retried job never sends a mail twice and a failed one is
 * tried again.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailerService.name);
  private readonly transporter?: Transporter;
  readonly transport: 'smtp' | 'log';

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.transport = config.SMTP_URL ? 'smtp' : 'log';
    if (config.SMTP_URL) this.transporter = nodemailer().createTransport(config.SMTP_URL);
  }

  /** True when the mail went out now or earlier; throws when the transport failed (the job retries). */
  async send(mail: Mail): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `INSERT INTO email_outbox (user_id, to_address, subject, body, html_body, dedupe_key, transport)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
       RETURNING id, sent_at`,
      [mail.userId, mail.to, mail.subject.slice(0, 300), mail.text, mail.html ?? null, mail.dedupeKey, this.transport],
    );
    if (row.sent_at) return true;
    try {
      if (this.transporter) {
        await this.transporter.sendMail({
          from: this.config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
        });
      } else {
        this.logger.log(`E-mail (not sent, no SMTP_URL) to ${mail.to}: ${mail.subject}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(`UPDATE email_outbox SET last_error = $2 WHERE id = $1`, [row.id, message]);
      throw error;
    }
    await this.dataSource.query(`UPDATE email_outbox SET sent_at = now(), last_error = NULL WHERE id = $1`, [row.id]);
    return true;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

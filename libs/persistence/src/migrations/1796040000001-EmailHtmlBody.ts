import { MigrationInterface, QueryRunner } from 'typeorm';

/** email_outbox.html_body: the HTML part of a mail (libs/mail renders plain text and HTML); null for older mails. */
export class EmailHtmlBody1796040000001 implements MigrationInterface {
  name = 'EmailHtmlBody1796040000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "email_outbox" ADD "html_body" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "email_outbox" DROP COLUMN "html_body"');
  }
}

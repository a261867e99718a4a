import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundApplication } from './application.entity.js';

/**
 * The seven-day reminder of a DRAFT application was issued (FundDeadlinesService): one row per
 * application, so the scheduled job reminds each application once, however often it runs.
 */
@Entity('fund_application_reminder')
export class FundApplicationReminder {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'application_id' })
  application?: FundApplication;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  remindedAt: Date;
}

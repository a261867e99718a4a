import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig } from '@app/config';
import { recordEvents } from '@app/events';
import { JobQueue } from '@app/queue';
import { FundApplication } from './application.entity.js';

export const FUND_DEADLINES_JOB = 'fund-deadlines';
/** A DRAFT application is reminded once when its fund's deadline is less than this many days away. */
export const DRAFT_REMINDER_DAYS = 7;

/**
 * The scheduled work of funds (every JOB_SCHEDULE_INTERVAL_SECONDS): OPEN funds past their deadline
 * become CLOSED, and DRAFT applications to funds closing within seven days are reminded once. Each
 * writes the funds' tables and records its events (FUND_CLOSED, APPLICATION_DRAFT_REMINDER_DUE) in
 * the same transaction; libs/notifications turns the events into notifications. Safe to run twice
 * and from several workers at once.
 */
@Injectable()
export class FundDeadlinesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.process(FUND_DEADLINES_JOB, () => this.run().then(() => undefined));
    this.queue.schedule(FUND_DEADLINES_JOB, { every: this.config.JOB_SCHEDULE_INTERVAL_SECONDS * 1000 });
  }

  async run(): Promise<{ closed: number; reminded: number }> {
    const closed = await this.closeExpired();
    const reminded = await this.remindDrafts();
    return { closed, reminded };
  }

  /** OPEN funds whose deadline passed become CLOSED (closed at their deadline), each with a FUND_CLOSED event. */
  closeExpired(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // An UPDATE answers [rows, rowCount].
      const [rows]: [Array<{ id: string; funder_id: string; title: string; deadline: Date }>, number] =
        await manager.query(
          `UPDATE fund SET status = 'CLOSED', closed_at = deadline, updated_at = now()
            WHERE status = 'OPEN' AND deadline <= now()
            RETURNING id, funder_id, title, deadline`,
        );
      await recordEvents(
        manager,
        rows.map((fund) => ({
          type: 'FUND_CLOSED' as const,
          payload: {
            fundId: fund.id,
            funderId: fund.funder_id,
            title: fund.title,
            deadline: new Date(fund.deadline).toISOString(),
          },
        })),
      );
      return rows.length;
    });
  }

  /**
   * DRAFT applications to OPEN funds whose deadline is less than seven days away and that were not
   * reminded yet: marked reminded (fund_application_reminder), each with an
   * APPLICATION_DRAFT_REMINDER_DUE event.
   */
  remindDrafts(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ application_id: string }> = await manager.query(
        `INSERT INTO fund_application_reminder (application_id)
         SELECT a.id FROM fund_application a JOIN fund f ON f.id = a.fund_id
          WHERE a.status = 'DRAFT' AND f.status = 'OPEN'
            AND f.deadline > now() AND f.deadline <= now() + make_interval(days => $1)
         ON CONFLICT (application_id) DO NOTHING
         RETURNING application_id`,
        [DRAFT_REMINDER_DAYS],
      );
      if (!rows.length) return 0;
      await this.recordReminders(
        manager,
        rows.map((r) => r.application_id),
      );
      return rows.length;
    });
  }

  private async recordReminders(manager: EntityManager, applicationIds: string[]): Promise<void> {
    const applications = await manager.getRepository(FundApplication).find({
      where: { id: In(applicationIds) },
      relations: { fund: true, project: true },
      order: { id: 'ASC' },
    });
    await recordEvents(
      manager,
      applications.map((a) => ({
        type: 'APPLICATION_DRAFT_REMINDER_DUE' as const,
        payload: {
          applicationId: a.id,
          fundId: a.fundId,
          organizationId: a.organizationId,
          fundTitle: a.fund!.title,
          projectTitle: a.project!.title,
          deadline: a.fund!.deadline.toISOString(),
        },
      })),
    );
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { recordEvents } from '@app/events';
import { JobQueue } from '@app/queue';

export const CONSULTATION_DEADLINES_JOB = 'consultation-deadlines';
/** A PENDING invitee is reminded once when the consultation closes in less than this many days. */
export const INVITATION_REMINDER_DAYS = 3;

/**
 * The scheduled work of dialogue (every JOB_SCHEDULE_INTERVAL_SECONDS), like libs/funds'
 * FundDeadlinesService: PENDING invitations to OPEN consultations closing within three days are
 * reminded once (consultation_invitation.reminded_at, INVITATION_REMINDER_DUE), and the closing of
 * OPEN consultations whose closesAt passed is announced once (consultation.closing_announced_at,
 * CONSULTATION_CLOSED; the stored status stays OPEN until the convener closes it, which records who
 * and when). Each marks its rows and records its events in one transaction; libs/notifications turns
 * the events into notifications. Safe to run twice and from several workers at once (the UPDATE …
 * WHERE … IS NULL marks each row once).
 */
@Injectable()
export class ConsultationDeadlinesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.process(CONSULTATION_DEADLINES_JOB, () => this.run().then(() => undefined));
    this.queue.schedule(CONSULTATION_DEADLINES_JOB, { every: this.config.JOB_SCHEDULE_INTERVAL_SECONDS * 1000 });
  }

  async run(): Promise<{ reminded: number; closed: number }> {
    const reminded = await this.remindPendingInvitees();
    const closed = await this.announceExpired();
    return { reminded, closed };
  }

  /** PENDING invitations of OPEN consultations closing within INVITATION_REMINDER_DAYS, not reminded yet. */
  remindPendingInvitees(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [Array<{ id: string; consultation_id: string; organization_id: string }>, number] =
        await manager.query(
          `UPDATE consultation_invitation i SET reminded_at = now()
             FROM consultation c
            WHERE c.id = i.consultation_id AND i.status = 'PENDING' AND i.reminded_at IS NULL
              AND c.status = 'OPEN' AND c.closes_at > now() AND c.closes_at <= now() + make_interval(days => $1)
            RETURNING i.id, i.consultation_id, i.organization_id`,
          [INVITATION_REMINDER_DAYS],
        );
      if (!rows.length) return 0;
      const consultations: Array<{ id: string; title: string; closes_at: Date }> = await manager.query(
        `SELECT id, title, closes_at FROM consultation WHERE id = ANY($1)`,
        [[...new Set(rows.map((r) => r.consultation_id))]],
      );
      const byId = new Map(consultations.map((c) => [c.id, c]));
      await recordEvents(
        manager,
        rows.map((r) => {
          const c = byId.get(r.consultation_id)!;
          return {
            type: 'INVITATION_REMINDER_DUE' as const,
            payload: {
              invitationId: r.id,
              consultationId: c.id,
              organizationId: r.organization_id,
              title: c.title,
              closesAt: new Date(c.closes_at).toISOString(),
            },
          };
        }),
      );
      return rows.length;
    });
  }

  /** OPEN consultations past closesAt whose closing was not announced: announced (actorId null). */
  announceExpired(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [Array<{ id: string; convener_id: string; title: string; outcome: boolean }>, number] =
        await manager.query(
          `UPDATE consultation SET closing_announced_at = now()
            WHERE status = 'OPEN' AND closes_at <= now() AND closing_announced_at IS NULL
            RETURNING id, convener_id, title, outcome_summary IS NOT NULL AS outcome`,
        );
      await recordEvents(
        manager,
        rows.map((c) => ({
          type: 'CONSULTATION_CLOSED' as const,
          payload: {
            consultationId: c.id,
            convenerId: c.convener_id,
            title: c.title,
            withOutcome: c.outcome,
            actorId: null,
          },
        })),
      );
      return rows.length;
    });
  }
}

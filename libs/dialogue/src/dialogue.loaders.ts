import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, ObjectLiteral } from 'typeorm';
import { byIdLoader, groupedLoader } from '@app/common';
import { Consultation, ConsultationInvitation, Contribution } from './consultation.entity.js';

export interface DialogueLoaders {
  consultation: DataLoader<string, Consultation | null>;
  /** A consultation's invitations, oldest first. */
  invitationsByConsultation: DataLoader<string, ConsultationInvitation[]>;
  /** A consultation's contributions, oldest first (filter by viewer before exposing them). */
  contributionsByConsultation: DataLoader<string, Contribution[]>;
}

declare module '@app/common' {
  interface RequestLoaders {
    dialogue: DialogueLoaders;
  }
}

@Injectable()
export class DialogueLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DialogueLoaders {
    const byConsultation = <T extends ObjectLiteral & { consultationId: string }>(entity: new () => T) =>
      groupedLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(entity)
            .createQueryBuilder('x')
            .where('x.consultation_id = ANY(:ids)', { ids })
            .orderBy('x.created_at')
            .addOrderBy('x.id')
            .getMany(),
        (row) => row.consultationId,
      );
    return {
      consultation: byIdLoader(this.dataSource.getRepository(Consultation)),
      invitationsByConsultation: byConsultation(ConsultationInvitation),
      contributionsByConsultation: byConsultation(Contribution),
    };
  }
}

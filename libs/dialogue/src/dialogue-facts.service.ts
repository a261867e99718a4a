import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * What other libs (libs/notifications) may ask of dialogue for work done on nobody's behalf: no
 * viewer, no visibility rule.
 */
@Injectable()
export class DialogueFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The participants of a consultation: organizations that ACCEPTED an invitation or contributed,
   * in the order they accepted or first contributed.
   */
  async participantIds(consultationId: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await this.dataSource.query(
      `SELECT organization_id FROM (
         SELECT organization_id, responded_at AS since FROM consultation_invitation
          WHERE consultation_id = $1 AND status = 'ACCEPTED'
         UNION ALL
         SELECT organization_id, created_at FROM contribution WHERE consultation_id = $1
       ) p GROUP BY organization_id ORDER BY min(since), organization_id`,
      [consultationId],
    );
    return rows.map((r) => r.organization_id);
  }
}

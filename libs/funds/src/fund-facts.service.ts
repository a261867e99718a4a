import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FUND_COLUMNS_SELECT, fundColumnValues } from '@app/matching';
import { FundApplication } from './application.entity.js';
import { FundStatus } from './fund.entity.js';

/** A fund as the fund-match fan-out needs it. */
export interface FundForMatching {
  id: string;
  funderId: string;
  title: string;
  /** The stored status (the fan-out runs for OPEN funds only). */
  status: FundStatus;
  /** The fund's matching columns in the order of libs/matching's `fundParams`. */
  matchingValues: unknown[];
}

/** An application with the titles its messages name. */
export interface ApplicationSummary {
  id: string;
  fundId: string;
  organizationId: string;
  fundTitle: string;
  projectTitle: string;
}

/**
 * Funds and applications by id for work done on nobody's behalf (notifications): no viewer, no
 * visibility rule.
 */
@Injectable()
export class FundFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fundForMatching(fundId: string): Promise<FundForMatching | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${FUND_COLUMNS_SELECT}, id, title, funder_id FROM fund WHERE id = $1`,
      [fundId],
    );
    if (!row) return null;
    return {
      id: row.id,
      funderId: row.funder_id,
      title: row.title,
      status: row.status,
      matchingValues: fundColumnValues(row),
    };
  }

  async application(applicationId: string): Promise<ApplicationSummary | null> {
    const a = await this.dataSource.getRepository(FundApplication).findOne({
      where: { id: applicationId },
      relations: { fund: true, project: true },
    });
    if (!a) return null;
    return {
      id: a.id,
      fundId: a.fundId,
      organizationId: a.organizationId,
      fundTitle: a.fund!.title,
      projectTitle: a.project!.title,
    };
  }
}

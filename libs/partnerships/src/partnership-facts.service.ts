import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Partnership } from './partnership.entity.js';

/** Partnerships by id for work done on nobody's behalf (notifications): no viewer, no visibility rule. */
@Injectable()
export class PartnershipFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string): Promise<Partnership | null> {
    return this.dataSource.getRepository(Partnership).findOneBy({ id });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@app/auth';

/** Loads the demo data set (README, "Demo data"). */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seeds only a database that has no users yet (the first start of the embedded database). */
  async seedOnFirstStart(): Promise<boolean> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    await this.seed();
    return true;
  }

  async seed(): Promise<void> {
    this.logger.log('Demo data: nothing to load yet');
  }
}

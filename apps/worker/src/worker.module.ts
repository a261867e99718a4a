import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { CommonModule } from '@app/common';
import { PersistenceModule } from '@app/persistence';

/** The background worker: the job processors of the libs run here (the API runs them in-process without Redis). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), CommonModule, PersistenceModule.forRoot({ runMigrations: false })],
    };
  }
}

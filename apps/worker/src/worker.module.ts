import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { CommonModule } from '@app/common';
import { FundsModule } from '@app/funds';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReferenceDataModule } from '@app/reference-data';

/**
 * The background worker: the job processors of the libs run here (the API runs them in-process
 * without Redis). NotificationsModule brings the queue, the outbox dispatcher (its sweep) and the
 * notification processors; libs with processors of their own are added to this list (FundsModule:
 * the fund-deadlines job). The domain modules the processors ask need the global ReferenceDataModule.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        PersistenceModule.forRoot({ runMigrations: false }),
        ReferenceDataModule,
        FundsModule,
        NotificationsModule,
      ],
    };
  }
}

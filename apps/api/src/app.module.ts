import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE, ModuleRef } from '@nestjs/core';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountModule } from '@app/account';
import { AppConfig, ConfigModule } from '@app/config';
import {
  CommonModule,
  GraphQLExceptionFilter,
  IdNormalisationInterceptor,
  InputValidationPipe,
  LoaderRegistry,
} from '@app/common';
import { PersistenceModule } from '@app/persistence';
import { ReferenceDataModule } from '@app/reference-data';
import { AuthModule } from '@app/auth';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { PartnershipsModule } from '@app/partnerships';
import { MatchingModule } from '@app/matching';
import { FundsModule } from '@app/funds';
import { CapacityModule } from '@app/capacity';
import { DialogueModule } from '@app/dialogue';
import { DemoModule } from '@app/demo';
import { NotificationsModule } from '@app/notifications';
import { FilesModule } from '@app/files';
import { ExportsModule } from '@app/exports';
import { CodeFirstApolloDriver } from './graphql/apollo-driver.js';
import { graphqlOptions } from './graphql/graphql.options.js';
import { KnownOperations, KnownOperationsModule } from './graphql/known-operations.js';
import { SessionCookieController } from './auth/session-cookie.controller.js';
import { HealthController } from './health/health.controller.js';

/** The domain modules the API serves; the worker and the CLI reuse this list. */
export const DOMAIN_MODULES = [
  ReferenceDataModule,
  AuthModule,
  OrganizationsModule,
  ProjectsModule,
  PartnershipsModule,
  MatchingModule,
  FundsModule,
  CapacityModule,
  DialogueModule,
  DemoModule,
  NotificationsModule,
  FilesModule,
  ExportsModule,
  AccountModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        PersistenceModule.forRoot({ runMigrations: true, statementTimeout: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: CodeFirstApolloDriver,
          imports: [KnownOperationsModule],
          inject: [AppConfig, LoaderRegistry, ModuleRef, KnownOperations],
          useFactory: graphqlOptions,
        }),
        ...DOMAIN_MODULES,
      ],
      controllers: [HealthController, SessionCookieController],
      providers: [
        { provide: APP_INTERCEPTOR, useClass: IdNormalisationInterceptor },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    };
  }
}

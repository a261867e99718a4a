import { Global, Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '@app/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REFERENCE_ENTITIES } from './reference.entities.js';
import { ReferenceDataResolver } from './reference-data.resolver.js';
import { ReferenceDataService } from './reference-data.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(REFERENCE_ENTITIES)],
  providers: [ReferenceDataService, ReferenceDataResolver],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly reference: ReferenceDataService,
  ) {}

  onModuleInit() {
    this.registry.register('reference', () => this.reference.createLoaders());
  }
}

import { Global, Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '@app/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REFERENCE_ENTITIES } from './reference.entities.js';
import { ReferenceDataResolver } from './reference-data.resolver.js';
import { ReferenceDataService } from './reference-data.service.js';
import { ExchangeRateRow } from './exchange-rates/exchange-rate.entity.js';
import { ExchangeRatesResolver } from './exchange-rates/exchange-rates.resolver.js';
import { ExchangeRatesService } from './exchange-rates/exchange-rates.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([...REFERENCE_ENTITIES, ExchangeRateRow])],
  providers: [ReferenceDataService, ReferenceDataResolver, ExchangeRatesService, ExchangeRatesResolver],
  exports: [ReferenceDataService, ExchangeRatesService],
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

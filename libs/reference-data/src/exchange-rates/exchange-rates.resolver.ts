import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/common';
import { ExchangeRates } from './exchange-rate.entity.js';
import { ExchangeRatesService } from './exchange-rates.service.js';

@Public()
@Resolver()
export class ExchangeRatesResolver {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Query(() => ExchangeRates, {
    description: 'The latest ECB euro reference rates used to compare amounts across currencies (issue 15)',
  })
  exchangeRates() {
    return this.rates.current();
  }
}

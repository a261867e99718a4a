import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './graphql/loaders.js';
import { NestedPageLoaders } from './pagination/nested.js';
import { NestedPrefetches } from './pagination/prefetch.js';

@Global()
@Module({ providers: [LoaderRegistry, NestedPrefetches], exports: [LoaderRegistry, NestedPrefetches] })
export class CommonModule {
  constructor(registry: LoaderRegistry) {
    registry.register('pages', () => new NestedPageLoaders());
  }
}

import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './graphql/loaders.js';
import { NestedPageLoaders } from './pagination/nested.js';

@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class CommonModule {
  constructor(registry: LoaderRegistry) {
    registry.register('pages', () => new NestedPageLoaders());
  }
}

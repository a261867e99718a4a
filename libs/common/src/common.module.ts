import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './graphql/loaders.js';

@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class CommonModule {}

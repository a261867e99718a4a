import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AccountLifecycleResolver } from './account.resolver.js';
import { AccountLifecycleService } from './account-lifecycle.service.js';

/**
 * The end of an account (deleteMyAccount) and the copy of its data (myDataExport). It sits above
 * every domain lib, because both ask each of them (through their index.ts functions) what they hold.
 */
@Module({
  imports: [AuthModule],
  providers: [AccountLifecycleService, AccountLifecycleResolver],
  exports: [AccountLifecycleService],
})
export class AccountModule {}

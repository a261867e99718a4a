import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailChangeRequest, PasswordReset } from './account-tokens.entity.js';
import { AccessTokenService } from './access-token.service.js';
import { AccountSecurityService } from './account-security.service.js';
import { AccountResolver } from './account.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { GqlAuthGuard } from './gql-auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordService } from './password.service.js';
import { RateLimiterService } from './rate-limiter.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { RegistrationRequest } from './registration-request.entity.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, RegistrationRequest, PasswordReset, EmailChangeRequest]),
    PassportModule,
    JwtModule.register({}),
  ],
  providers: [
    AccessTokenService,
    AuthService,
    UsersService,
    PasswordService,
    RateLimiterService,
    SignInThrottle,
    JwtStrategy,
    AuthResolver,
    AccountSecurityService,
    AccountResolver,
    { provide: APP_GUARD, useClass: GqlAuthGuard },
  ],
  exports: [AccessTokenService, AccountSecurityService, AuthService, UsersService, PasswordService, RateLimiterService],
})
export class AuthModule {}

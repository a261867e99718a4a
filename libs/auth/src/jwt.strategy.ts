import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import type { AuthUser } from '@app/common';
import { AccessTokenService } from './access-token.service.js';

/** The Bearer access token of HTTP requests, checked by AccessTokenService's rule (signature, expiry, user). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly tokens: AccessTokenService) {
    super(tokens.strategyOptions());
  }

  validate(payload: unknown): Promise<AuthUser | null> {
    return this.tokens.userOf(payload);
  }
}

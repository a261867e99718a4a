import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import type { AuthUser } from '@app/common';
import type { AccessTokenPayload } from './auth.service.js';
import { User } from './user.entity.js';

/** Verifies the Bearer access token (HS256, expiry) and loads the current user and role. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | null> {
    if (typeof payload?.sub !== 'string') return null;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: payload.sub });
    return user ? { id: user.id, email: user.email, platformRole: user.platformRole } : null;
  }
}

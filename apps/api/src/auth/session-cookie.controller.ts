import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  HttpCode,
  Logger,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthPayload, AuthService, CompleteRegistrationArgs, RegisterInput } from '@app/auth';
import { AppConfig } from '@app/config';
import {
  BadInputError,
  chooseLocale,
  clientAddress,
  DomainError,
  ErrorCode,
  localizedMessage,
  Public,
  text,
  translate,
} from '@app/common';

/** The refresh-token cookie: HttpOnly, SameSite=Strict, sent only to /auth. */
export const REFRESH_COOKIE = 'nexus_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Domain errors of the session endpoints as JSON `{ code, message, field?, reason? }` with an HTTP status. */
@Catch()
class SessionErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('SessionCookie');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    // no session here: the language is the Accept-Language header's, else English
    const locale = chooseLocale(host.switchToHttp().getRequest<Request>().headers['accept-language']);
    if (exception instanceof DomainError) {
      const { field, reason, retryAfterSeconds } = exception.extensions as Record<string, unknown>;
      if (typeof retryAfterSeconds === 'number') res.setHeader('retry-after', String(retryAfterSeconds));
      res
        .status(STATUS[exception.code] ?? 400)
        .json({ code: exception.code, message: localizedMessage(exception, locale), field, reason });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: translate(locale, 'errors.internal') });
  }
}

class SignInBody {
  email: string;
  password: string;
}

/**
 * The portal's session endpoints. They answer the access token in the body (the portal keeps it in
 * memory) and keep the refresh token in an HttpOnly cookie that JavaScript never sees, rotated on every
 * refresh with AuthService's reuse detection (a replayed cookie revokes the whole sign-in).
 *
 * CSRF: the cookie is SameSite=Strict and every endpoint requires `Content-Type: application/json`,
 * which a cross-site form cannot send and a cross-site fetch cannot send without a CORS preflight
 * (the API grants none).
 */
@Public()
@Controller('auth')
@UseFilters(SessionErrorFilter)
export class SessionCookieController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInBody, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    requireJson(req);
    if (typeof body?.email !== 'string') throw new BadInputError('email', text('validation.email', { field: 'email' }));
    if (typeof body.password !== 'string' || !body.password)
      throw new BadInputError('password', text('validation.required', { field: 'password' }));
    return this.session(await this.auth.login(body.email, body.password, clientAddress(req)), req, res);
  }

  @Post('register')
  @HttpCode(200)
  async register(@Body() body: RegisterInput, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    requireJson(req);
    return this.session(await this.auth.register(body, clientAddress(req)), req, res);
  }

  @Post('complete-registration')
  @HttpCode(200)
  async completeRegistration(
    @Body() body: CompleteRegistrationArgs,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    requireJson(req);
    return this.session(await this.auth.completeRegistration(body), req, res);
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    requireJson(req);
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, text('errors.auth.notSignedIn'));
    try {
      return this.session(await this.auth.refresh(token), req, res);
    } catch (error) {
      // an invalid, expired or replayed cookie is of no further use: drop it
      res.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
      throw error;
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    requireJson(req);
    const token = readCookie(req, REFRESH_COOKIE);
    if (token) await this.auth.logout(token);
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
  }

  private session(payload: AuthPayload, req: Request, res: Response) {
    res.cookie(REFRESH_COOKIE, payload.refreshToken, {
      ...this.cookieOptions(req),
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    });
    res.setHeader('cache-control', 'no-store');
    const { user } = payload;
    return {
      accessToken: payload.accessToken,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      user: { id: user.id, name: user.name, email: user.email, platformRole: user.platformRole },
    };
  }

  /** Secure in production and on HTTPS; a plain-HTTP development server (localhost) keeps it usable. */
  private cookieOptions(req: Request) {
    return {
      httpOnly: true,
      secure: this.config.isProduction || req.secure,
      sameSite: 'strict' as const,
      path: REFRESH_COOKIE_PATH,
    };
  }
}

function requireJson(req: Request): void {
  // the header itself (req.is() answers null for a request without a body, e.g. sign-out)
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError(ErrorCode.FORBIDDEN, text('errors.auth.jsonRequired'), {
      reason: 'JSON_REQUIRED',
    });
  }
}

/** One cookie from the Cookie header (no parser dependency for one value). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

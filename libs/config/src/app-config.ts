import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value; // left as a string so that validation names it
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The one place that reads process.env. Every variable is documented in the README
 * ("Configuration"); a bad value stops the boot with a message naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** postgres://… of a real PostgreSQL 15+ server; unset = embedded PGlite. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;

  /** redis://… ; unset = in-process queue, rate limiter and pub/sub. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string = undefined;

  /** Prefix of every Redis key (rate limits, pub/sub channels, queues) so that deployments can share a server. */
  @IsString()
  @Matches(/^[\w:.-]{1,40}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits and _:.- (at most 40)' })
  REDIS_KEY_PREFIX = 'nexus:';

  /** Where the embedded database and the generated development secret live; "memory" keeps everything in memory. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  /**
   * With DATA_DIR=memory: a dump of an embedded database's folder (PGlite's dumpDataDir, .tar.gz) to start from
   * instead of an empty database, e.g. one with every migration applied (the tests make one per set of
   * migrations: creating an empty database and migrating it took most of an in-memory start).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  EMBEDDED_TEMPLATE?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed sign-ins per (account, client address), and registrations per address and per e-mail, in each window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_MAX = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_WINDOW_SECONDS = 60;
  /** Failed sign-ins per client address over all accounts in each window (password spraying). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_ADDRESS_FAILURE_MAX = 50;
  /** Longest delay of a sign-in to an account that failed AUTH_RATE_LIMIT_MAX times in the window from anywhere (0 = none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30000)
  AUTH_ACCOUNT_DELAY_MAX_MS = 3000;
  /** Accounts are created only through startRegistration/completeRegistration (register refused); unset = on in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  REGISTRATION_EMAIL_CONFIRMATION?: boolean = undefined;
  /** requestPasswordReset and requestEmailChange mails per e-mail address (or account) per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_MAIL_MAX_PER_EMAIL = 5;
  /** requestPasswordReset and requestEmailChange calls per client address per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_MAIL_MAX_PER_ADDRESS = 30;
  /** Operations (subscriptions) one graphql-ws connection may run at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean = undefined;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_EXPLORER?: boolean = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Run queries and mutations as JavaScript compiled per operation (graphql-jit); false: graphql-js's interpreter. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_COMPILED_EXECUTION?: boolean = true;

  /** The use of a document at which its operation is compiled (the uses before run on graphql-js). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_COMPILE_AFTER = 2;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  /** Longest time one SQL statement of the API may run before PostgreSQL cancels it (0 = no limit). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 15000;
  /** Most fields (aliases included) one selection set of an operation may ask for. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  GRAPHQL_MAX_ALIASES = 100;
  /** Most root fields one operation may ask for (each runs its own resolvers). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_ROOT_FIELDS = 20;
  /** Points of expensive work (matching, search) one client may spend per window (shared through Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXPENSIVE_BUDGET_POINTS = 30000;
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  EXPENSIVE_BUDGET_WINDOW_SECONDS = 60;
  /** Refused (HTTP 400) GraphQL requests one address may send per window before it is answered 429 unread. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CLIENT_ERROR_LIMIT = 300;
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  CLIENT_ERROR_WINDOW_SECONDS = 60;
  /**
   * Proxies whose X-Forwarded-For is believed, comma-separated: addresses, CIDR ranges, or
   * Express's names (loopback, linklocal, uniquelocal). Empty: the socket address is the client.
   */
  @IsString()
  @Matches(/^[\w.:/, -]{0,2000}$/, { message: 'TRUSTED_PROXIES is a comma-separated list of addresses or CIDR ranges' })
  TRUSTED_PROXIES = '';
  /** Longest wait for one Redis command before the API falls back (rate limits fail open in-process). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  REDIS_COMMAND_TIMEOUT_MS = 500;
  /** Load the demo data set on the first start of the embedded database (never into DATABASE_URL). */
  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = true;

  /** Log every SQL statement (debugging). */
  @Transform(toBool)
  @IsBoolean()
  DB_LOG_QUERIES = false;

  /** A published fund notifies the members of organizations whose match score (0..1) reaches this. */
  @Transform(toInt)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  NOTIFY_FUND_MATCH_THRESHOLD = 0.25;

  /** Organizations scored per SQL statement when a published fund fans out to matching organizations. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100000)
  NOTIFY_FAN_OUT_BATCH_SIZE = 5000;

  /** Jobs run at once by a queue consumer (the worker, or the API without Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  JOB_CONCURRENCY = 4;

  /** Attempts of a failing job before it is given up (the outbox sweep re-delivers its event later). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_ATTEMPTS = 5;

  /** First retry delay of a failing job; it doubles at every attempt (exponential backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  JOB_BACKOFF_MS = 2000;

  /** How often scheduled jobs run: outbox sweep, fund deadlines and reminders, e-mail of pending notifications. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  JOB_SCHEDULE_INTERVAL_SECONDS = 60;

  /** An outbox event not processed this long after its last delivery is delivered again by the sweep. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  OUTBOX_REDELIVER_SECONDS = 300;

  /** smtp:// or smtps:// URL of the mail server; unset = mails are stored in email_outbox and logged. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  /** Sender of notification e-mails. */
  @IsString()
  @Matches(/^[^\r\n]{3,200}$/, { message: 'MAIL_FROM must be an address or "Name <address>" on one line' })
  MAIL_FROM = 'Diaspora Nexus <no-reply@diaspora-nexus.local>';

  /** Base URL of the web app, for links in e-mails. */
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_WEB_URL must be an http(s):// URL' })
  PUBLIC_WEB_URL = 'http://localhost:3000';

  /** Origin of this API as browsers reach it, for file upload and download links; unset = the request's own origin. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#\s]+$/, { message: 'PUBLIC_API_URL must be an http(s):// origin without a path' })
  PUBLIC_API_URL?: string = undefined;
  /** Files go to this S3-compatible endpoint (path-style, e.g. https://s3.example.org) when set; else to DATA_DIR/files. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^?#\s]+$/, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string = undefined;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET?: string = undefined;
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'S3_REGION must be a region name such as us-east-1' })
  S3_REGION = 'us-east-1';
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string = undefined;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string = undefined;
  /** Largest logo, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50_000_000)
  FILE_MAX_LOGO_BYTES = 2_000_000;
  /** Largest verification evidence, application attachment or project document, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200_000_000)
  FILE_MAX_DOCUMENT_BYTES = 10_000_000;
  /** createUpload calls per user per FILE_UPLOAD_RATE_WINDOW_SECONDS; then RATE_LIMITED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FILE_UPLOAD_RATE_MAX = 100;
  /** The window of FILE_UPLOAD_RATE_MAX. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FILE_UPLOAD_RATE_WINDOW_SECONDS = 3600;
  /** How long an upload link (createUpload) may be used, once. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  FILE_UPLOAD_TTL_SECONDS = 600;
  /** How long a signed download link (File.url) works. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  FILE_URL_TTL_SECONDS = 900;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get embedded(): boolean {
    return !this.DATABASE_URL;
  }
  get inMemory(): boolean {
    return this.DATA_DIR === 'memory';
  }
  get introspection(): boolean {
    return this.GRAPHQL_INTROSPECTION ?? !this.isProduction;
  }
  get explorer(): boolean {
    return this.GRAPHQL_EXPLORER ?? !this.isProduction;
  }
  /** TRUSTED_PROXIES as Express's `trust proxy` list ([] = trust none: the socket address is the client). */
  get trustedProxies(): string[] {
    return this.TRUSTED_PROXIES.split(',')
      .map((proxy) => proxy.trim())
      .filter(Boolean);
  }
  /** The secret used to sign access tokens (always set after load()). */
  get jwtSecret(): string {
    return this.JWT_SECRET as string;
  }

  /** Reads and validates the environment; throws an Error naming every bad variable. */
  static load(env: NodeJS.ProcessEnv = process.env): AppConfig {
    const known = Object.keys(new AppConfig()); // every variable has an initialiser, so all are own keys
    const raw: Record<string, unknown> = {};
    for (const key of known) if (env[key] !== undefined) raw[key] = env[key];
    const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
    const errors = validateSync(config, { whitelist: true });
    if (errors.length > 0) {
      const lines = errors.map(
        (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      );
      throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
    }
    if (!config.JWT_SECRET) {
      if (config.isProduction) {
        throw new Error('Invalid configuration:\n  JWT_SECRET is required when NODE_ENV=production');
      }
      config.JWT_SECRET = developmentSecret(config);
    }
    return config;
  }
}

function developmentSecret(config: AppConfig): string {
  const logger = new Logger('AppConfig');
  if (config.inMemory || config.NODE_ENV === 'test') return randomBytes(32).toString('hex');
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn(`JWT_SECRET is not set: generated a development secret in ${file}. Set JWT_SECRET in production.`);
  return secret;
}

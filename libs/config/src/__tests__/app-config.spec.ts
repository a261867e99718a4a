import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../app-config.js';

describe('AppConfig', () => {
  it('has defaults that make the no-setup start work', () => {
    const config = AppConfig.load({ NODE_ENV: 'test' });
    expect(config.PORT).toBe(3000);
    expect(config.embedded).toBe(true);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.introspection).toBe(true);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('fails at boot naming every bad variable', () => {
    expect(() =>
      AppConfig.load({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        AUTH_RATE_LIMIT_MAX: '0',
        GRAPHQL_EXPLORER: 'maybe',
      }),
    ).toThrow(/PORT=.*\n.*DATABASE_URL=.*\n.*AUTH_RATE_LIMIT_MAX=.*\n.*GRAPHQL_EXPLORER=/s);
    expect(() => AppConfig.load({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => AppConfig.load({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('requires JWT_SECRET in production, and turns introspection and the explorer off there by default', () => {
    expect(() => AppConfig.load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    const config = AppConfig.load({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) });
    expect(config.introspection).toBe(false);
    expect(config.explorer).toBe(false);
    expect(
      AppConfig.load({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), GRAPHQL_INTROSPECTION: 'true' })
        .introspection,
    ).toBe(true);
  });

  it('generates a development secret once and keeps it under DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-config-'));
    const first = AppConfig.load({ NODE_ENV: 'development', DATA_DIR: dir });
    const second = AppConfig.load({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(first.jwtSecret).toBe(second.jwtSecret);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('validates the notification, job and mail settings', () => {
    const config = AppConfig.load({ NODE_ENV: 'test' });
    expect(config.NOTIFY_FUND_MATCH_THRESHOLD).toBe(0.25);
    expect(config.SMTP_URL).toBeUndefined();
    expect(AppConfig.load({ NODE_ENV: 'test', NOTIFY_FUND_MATCH_THRESHOLD: '0.5' }).NOTIFY_FUND_MATCH_THRESHOLD).toBe(
      0.5,
    );
    expect(() =>
      AppConfig.load({
        NODE_ENV: 'test',
        NOTIFY_FUND_MATCH_THRESHOLD: '1.5',
        JOB_ATTEMPTS: '0',
        SMTP_URL: 'mail.example.org',
        MAIL_FROM: 'a\nb',
      }),
    ).toThrow(/NOTIFY_FUND_MATCH_THRESHOLD=.*\n.*JOB_ATTEMPTS=.*\n.*SMTP_URL=.*\n.*MAIL_FROM=/s);
  });
});

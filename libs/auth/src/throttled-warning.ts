import type { Logger } from '@nestjs/common';

/** A warning logged at most once per interval (the first one at once), with the count of those left out. */
export class ThrottledWarning {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly intervalMs: number,
  ) {}

  warn(message: string): void {
    const now = Date.now();
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const left = this.suppressed ? ` (${this.suppressed} similar warnings since the last one)` : '';
    this.lastAt = now;
    this.suppressed = 0;
    this.logger.warn(`${message}${left}`);
  }
}

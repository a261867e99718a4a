/**
 * Inputs shared by the end-to-end tests. Each test keeps its own values through overrides; the
 * helpers only hold what every caller would otherwise repeat.
 */

/** An ISO timestamp `days` days from now (negative: in the past). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

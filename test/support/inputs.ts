/**
 * Inputs shared by the end-to-end tests. Each test keeps its own values through overrides; the
 * helpers only hold what every caller would otherwise repeat.
 */

import type { TrainingOfferInput } from '../generated/graphql.js';

/** An ISO timestamp `days` days from now (negative: in the past). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * A TrainingOfferInput: an online financial-literacy course in French, starting in 30 days (enrolment
 * until day 20, ending on day 60), 10 seats at 120 EUR with a subsidy. `overrides` replace fields.
 */
export function offerInput(providerId: string, overrides?: Partial<TrainingOfferInput>): TrainingOfferInput;
/** Deliberately invalid values (bad-input tests): untyped. */
export function offerInput(providerId: string, overrides: Record<string, unknown>): Record<string, unknown>;
export function offerInput(providerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    providerId,
    title: 'Financial literacy for migrant women',
    description: 'Budgeting, savings groups and remittance costs, in six online sessions for association leaders.',
    capacityAreas: ['FINANCIAL_LITERACY'],
    format: 'ONLINE',
    languages: ['fr'],
    startsAt: inDays(30),
    endsAt: inDays(60),
    applicationDeadline: inDays(20),
    seats: 10,
    cost: { amount: 120, currency: 'EUR' },
    subsidyAvailable: true,
    ...overrides,
  };
}

/**
 * A ConsultationInput: a NATIONAL consultation on labour migration with the Filipino diaspora, held in
 * Italy, closing in 20 days (no opensAt: it accepts contributions once opened). `overrides` replace fields.
 */
export function consultationInput(convenerId: string, overrides: Record<string, unknown> = {}) {
  return {
    convenerId,
    title: 'Consultation on labour rights',
    description: 'The ministry consults diaspora organizations on labour rights.',
    level: 'NATIONAL',
    themes: ['LABOUR_MIGRATION'],
    countriesOfOrigin: ['PH'],
    country: 'IT',
    closesAt: inDays(20),
    ...overrides,
  };
}

import { TRAINING_WEIGHTS } from '@app/matching';
import { CapacityArea } from '@app/reference-data';
import { needsOf } from '../capacity-assessment.entity.js';
import { averageRating, completionRate, emptyStats } from '../evaluation.service.js';
import { TrainingOffersService } from '../training-offers.service.js';

describe('Capacity-building rules', () => {
  it('training weights sum to 1 and needs weigh the most (domain.md, "Training score")', () => {
    const weights = Object.values(TRAINING_WEIGHTS);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(Math.max(...weights)).toBe(TRAINING_WEIGHTS.NEEDS);
    expect(weights.filter((w) => w === TRAINING_WEIGHTS.NEEDS)).toHaveLength(1);
  });

  it('takes the areas at level 2 or below as needs, in the order assessed', () => {
    const scores = [
      { area: 'FUNDRAISING', level: 3 },
      { area: 'DIGITAL_SKILLS', level: 2 },
      { area: 'PROJECT_MANAGEMENT', level: 5 },
      { area: 'FINANCIAL_LITERACY', level: 1 },
    ] as Array<{ area: CapacityArea; level: number }>;
    expect(needsOf(scores)).toEqual(['DIGITAL_SKILLS', 'FINANCIAL_LITERACY']);
    expect(needsOf([])).toEqual([]);
  });

  it('computes completion rate over admitted participants and the average over given ratings', () => {
    expect(completionRate(emptyStats('x'))).toBeNull();
    expect(averageRating(emptyStats('x'))).toBeNull();
    expect(completionRate({ admitted: 6, completions: 5 })).toBe(0.8333);
    expect(averageRating({ ratingsCount: 3, ratingsSum: 13 })).toBe(4.33);
  });

  it('closes enrolment at the application deadline, or at the start without one', () => {
    const startsAt = new Date('2030-05-01T09:00:00Z');
    const deadline = new Date('2030-04-20T00:00:00Z');
    expect(TrainingOffersService.enrolmentClosesAt({ startsAt, applicationDeadline: deadline })).toBe(deadline);
    expect(TrainingOffersService.enrolmentClosesAt({ startsAt, applicationDeadline: null })).toBe(startsAt);
  });
});

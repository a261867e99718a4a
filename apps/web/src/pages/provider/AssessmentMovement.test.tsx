import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../i18n';
import { AssessmentMovement, type MovementFigures } from './shared';

const overall: MovementFigures = {
  participants: 3,
  comparisons: 4,
  averageBefore: 1.75,
  averageAfter: 3,
  averageChange: 1.25,
  improved: 2,
  unchanged: 1,
  declined: 1,
};
const none: MovementFigures = {
  ...overall,
  participants: 0,
  comparisons: 0,
  averageBefore: null,
  averageAfter: null,
  averageChange: null,
  improved: 0,
  unchanged: 0,
  declined: 0,
};

const show = (ui: React.ReactElement) => render(<MantineProvider>{ui}</MantineProvider>);

describe('AssessmentMovement', () => {
  it('shows the average level before → after, its signed change and the split, overall and per measured offer', () => {
    show(
      <AssessmentMovement
        movement={overall}
        perOffer={[
          { id: 'a', title: 'Financial literacy', movement: { ...overall, participants: 2, averageChange: -0.5 } },
          { id: 'b', title: 'Not measured', movement: none },
        ]}
      />,
    );
    expect(screen.getByTestId('movement-Participants measured').textContent).toBe('3');
    expect(screen.getByTestId('movement-Average level').textContent).toBe('1.75 → 3');
    expect(screen.getByTestId('movement-Change').textContent).toBe('+1.25');
    expect(screen.getByTestId('movement-Area scores').textContent).toBe('2 up · 1 same · 1 down');
    const table = screen.getByTestId('movement-per-offer');
    expect(table.textContent).toContain('Financial literacy');
    expect(table.textContent).toContain('-0.5');
    expect(table.textContent).not.toContain('Not measured');
  });

  it('says so when nobody assessed the areas before and after', () => {
    show(<AssessmentMovement movement={none} />);
    expect(screen.getByTestId('movement-none').textContent).toMatch(/No participant/);
    expect(screen.queryByTestId('movement-per-offer')).toBeNull();
  });
});

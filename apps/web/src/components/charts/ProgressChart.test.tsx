import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { chartGeometry, ProgressChart, type ChartIndicator } from './ProgressChart';

const indicator: ChartIndicator = {
  name: 'Trained nurses',
  unit: 'people',
  baseline: 10,
  target: 50,
  // deliberately out of order: the chart sorts by date
  measurements: [
    { measuredOn: '2026-03-01', value: 30 },
    { measuredOn: '2026-01-01', value: 20 },
    { measuredOn: '2026-05-01', value: 40 },
  ],
};

function draw(data: ChartIndicator = indicator, progress: number | null = 0.75) {
  return render(
    <MantineProvider>
      <ProgressChart indicator={data} progress={progress} />
    </MantineProvider>,
  );
}

describe('ProgressChart', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('puts the measurements in date order, later dates to the right, larger values higher', () => {
    const { points, baselineY, targetY } = chartGeometry(indicator);
    expect(points.map((p) => p.value)).toEqual([20, 30, 40]);
    expect(points[0].x).toBeLessThan(points[1].x);
    expect(points[1].x).toBeLessThan(points[2].x);
    // x follows time: Jan→Mar (59 days) is shorter than Mar→May (61 days)
    expect(points[1].x - points[0].x).toBeLessThan(points[2].x - points[1].x);
    // SVG y grows downwards: the target (50, the largest) is on top, the baseline (10) at the bottom
    expect(targetY).toBeLessThan(points[2].y);
    expect(points[2].y).toBeLessThan(points[1].y);
    expect(points[1].y).toBeLessThan(points[0].y);
    expect(points[0].y).toBeLessThan(baselineY);
  });

  it('scales to values beyond the target and handles a flat indicator', () => {
    const over = chartGeometry({ ...indicator, measurements: [{ measuredOn: '2026-01-01', value: 80 }] });
    expect(over.points[0].y).toBeLessThan(over.targetY);
    const flat = chartGeometry({ ...indicator, baseline: 5, target: 5, measurements: [] });
    expect(Number.isFinite(flat.baselineY)).toBe(true);
    expect(flat.points).toEqual([]);
  });

  it('draws one point per measurement and a line through them, with an accessible name and description', () => {
    const { container } = draw();
    expect(container.querySelectorAll('[data-testid="progress-point"]')).toHaveLength(3);
    const d = container.querySelector('[data-testid="progress-line"]')?.getAttribute('d') ?? '';
    expect(d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const chart = screen.getByRole('img', { name: 'Progress of Trained nurses' });
    const description = document.getElementById(chart.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toContain('3 measurements');
    expect(description).toContain('the latest 40 people on May 1, 2026');
    expect(description).toContain('baseline 10, target 50');
    expect(description).toContain('75% of the way');
  });

  it('gives the same data as a table, in date order and formatted for the language', async () => {
    await i18n.changeLanguage('fr');
    draw({ ...indicator, measurements: [...indicator.measurements, { measuredOn: '2026-06-01', value: 1234.5 }] });
    const table = screen.getByRole('table', { name: /Mesures de Trained nurses/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['1 janv. 2026', '20'],
      ['1 mars 2026', '30'],
      ['1 mai 2026', '40'],
      ['1 juin 2026', '1\u202f234,5'],
    ]);
  });

  it('says when nothing is measured yet, without a table or line', () => {
    const { container } = draw({ ...indicator, measurements: [] }, null);
    expect(container.querySelector('[data-testid="progress-line"]')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    const chart = screen.getByRole('img', { name: 'Progress of Trained nurses' });
    const description = document.getElementById(chart.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toBe('Trained nurses: no measurement yet (baseline 10 people, target 50 people).');
  });
});

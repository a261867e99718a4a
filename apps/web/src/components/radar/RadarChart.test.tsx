import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RadarChart, radarPoint } from './RadarChart';

const axes = [
  { key: 'A', label: 'Fundraising', value: 5 },
  { key: 'B', label: 'Governance', value: 1 },
  { key: 'C', label: 'Digital skills', value: 3 },
  { key: 'D', label: 'Advocacy', value: 2 },
];

function draw(list = axes) {
  return render(
    <MantineProvider>
      <RadarChart title="Capacity levels" axes={list} max={5} axisLabel="Area" valueLabel="Level" size={300} />
    </MantineProvider>,
  );
}

function points(el: Element) {
  return (el.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
}

describe('RadarChart', () => {
  it('places each axis clockwise from 12 o’clock, scaled to the level', () => {
    expect(radarPoint(0, 4, 5, 5, 100, 150)).toEqual({ x: 150, y: 50 });
    const right = radarPoint(1, 4, 5, 5, 100, 150);
    expect(right.x).toBeCloseTo(250);
    expect(right.y).toBeCloseTo(150);
    const half = radarPoint(2, 4, 2.5, 5, 100, 150);
    expect(half.x).toBeCloseTo(150);
    expect(half.y).toBeCloseTo(200);
    // values outside 0..max are clamped to the outer ring
    expect(radarPoint(0, 4, 9, 5, 100, 150)).toEqual({ x: 150, y: 50 });
  });

  it('draws one ring per level and an area whose corners follow the levels', () => {
    const { container } = draw();
    expect(container.querySelectorAll('[data-testid="radar-ring"]')).toHaveLength(5);
    const area = points(container.querySelector('[data-testid="radar-area"]')!);
    expect(area).toHaveLength(4);
    // size 300, labels take 70: centre 150, radius 80
    expect(area[0]).toEqual([150, 70]); // level 5 at the top
    expect(area[1][0]).toBeCloseTo(166); // level 1 to the right: 80/5
    expect(area[2][1]).toBeCloseTo(198); // level 3 at the bottom: 3/5 of 80
    expect(area[3][0]).toBeCloseTo(118); // level 2 to the left
  });

  it('names the picture by its caption and gives the same figures in a table', () => {
    draw();
    const svg = screen.getByRole('img', { name: 'Capacity levels' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    const table = screen.getByRole('table', { name: 'Capacity levels' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Fundraising5 / 5',
      'Governance1 / 5',
      'Digital skills3 / 5',
      'Advocacy2 / 5',
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Governance' })).toBeTruthy();
  });

  it('shows only the table when fewer than three areas make no polygon', () => {
    draw(axes.slice(0, 2));
    expect(screen.queryByRole('img')).toBeNull();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });
});

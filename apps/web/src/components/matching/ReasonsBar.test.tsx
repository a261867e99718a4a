import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ReasonsBar, type Reason } from './ReasonsBar';

const REASONS: Reason[] = [
  { factor: 'THEMES', points: 0.2333, detail: 'Shares 2 of the fund’s 3 themes' },
  { factor: 'SDGS', points: 0.05, detail: 'Names 1 of the fund’s 3 SDGs' },
  { factor: 'BUDGET', points: 0.15, detail: 'Seeks an amount inside the grant range' },
  { factor: 'TEXT', points: 0.0208, detail: 'Its description uses the words of the fund' },
];

function renderBar(reasons: Reason[], score?: number) {
  return render(
    <MantineProvider>
      <ReasonsBar id="m1" reasons={reasons} score={score} />
    </MantineProvider>,
  );
}

const width = (el: Element) => parseFloat((el as HTMLElement).style.width);

describe('ReasonsBar', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('draws one segment per factor that earned points, each as wide as its points out of 100', () => {
    renderBar(REASONS, 0.4541);
    const bar = screen.getByTestId('reasons-bar');
    const segments = Array.from(bar.querySelectorAll('[data-factor]'));
    expect(segments.map((s) => s.getAttribute('data-factor'))).toEqual(['THEMES', 'SDGS', 'BUDGET', 'TEXT']);
    expect(segments.map(width)).toEqual([23.33, 5, 15, 2.08]);
    expect(segments.map(width).reduce((a, b) => a + b, 0)).toBeCloseTo(45.41, 5);
    expect(screen.getByText('Score 45.4 / 100')).toBeTruthy();
  });

  it('describes the whole bar to screen readers: the total and every factor with its points', () => {
    renderBar(REASONS, 0.4541);
    const bar = screen.getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'Score 45.4 out of 100: Themes 23.3, SDGs 5, Budget 15, Description 2.1',
    );
  });

  it('lists every reason as text with its label, points and the API’s sentence, including a 0-point one', () => {
    renderBar([
      { factor: 'LANGUAGE', points: 0.15, detail: 'Taught in en, which you use' },
      { factor: 'WAITLIST', points: 0, detail: 'All 3 seats are taken' },
    ]);
    const list = screen.getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Language · 15 points — Taught in en, which you use',
      'Waiting list · 0 points — All 3 seats are taken',
    ]);
    // the total is the sum of the points when no score is given; the 0-point reason draws no segment
    expect(screen.getByText('Score 15 / 100')).toBeTruthy();
    expect(screen.getByTestId('reasons-bar').querySelectorAll('[data-factor]')).toHaveLength(1);
  });

  it('speaks French with French number formatting, and keeps an unknown factor’s code as its label', async () => {
    await i18n.changeLanguage('fr');
    renderBar([
      { factor: 'THEMES', points: 0.2333, detail: 'x' },
      { factor: 'NEW_FACTOR', points: 0.125, detail: 'y' },
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Score de 35,8 sur 100 : Thèmes 23,3, NEW_FACTOR 12,5',
    );
    expect(screen.getAllByRole('listitem')[0].textContent).toBe('Thèmes · 23,3 points — x');
  });

  it('says so when nothing earned points', () => {
    renderBar([], 0);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Score 0 out of 100: no factor earned points');
  });
});

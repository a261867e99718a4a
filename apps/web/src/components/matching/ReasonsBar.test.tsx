import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
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

  describe('what is still to be confirmed (an UNCONFIRMED reason without points)', () => {
    const UNCONFIRMED: Reason = {
      factor: 'UNCONFIRMED',
      points: 0,
      detail:
        'To be confirmed: the fund’s rules ask about what the profile does not give (its founding year, its annual income)',
    };
    const WITH_NOTE: Reason[] = [
      { factor: 'THEMES', points: 0.3, detail: 'Shares Health' },
      UNCONFIRMED,
      { factor: 'KIND', points: 0.05, detail: 'A kind of project the fund supports' },
      { factor: 'CAPACITY', points: 0.1, detail: 'Strong on governance' },
    ];

    it('is no segment of the bar and no scored reason, but a note under the bar naming the facts once', () => {
      renderBar(WITH_NOTE, 0.45);
      const bar = screen.getByTestId('reasons-bar');
      expect(Array.from(bar.querySelectorAll('[data-factor]')).map((s) => s.getAttribute('data-factor'))).toEqual([
        'THEMES',
        'KIND',
        'CAPACITY',
      ]);
      expect(bar.getAttribute('aria-label')).toBe('Score 45 out of 100: Themes 30, Kind of project 5, Capacity 10');
      const items = within(screen.getByRole('list')).getAllByRole('listitem');
      expect(items.map((li) => li.getAttribute('data-factor'))).toEqual(['THEMES', 'KIND', 'CAPACITY']);
      expect(items[1].textContent).toBe('Kind of project · 5 points — A kind of project the fund supports');
      expect(items[2].textContent).toBe('Capacity · 10 points — Strong on governance');
      const note = screen.getByTestId('reasons-unconfirmed');
      expect(note.textContent).toBe(
        '?To be confirmed — the fund’s rules ask about what the profile does not give (its founding year, its annual income)',
      );
      // under the bar, before the list of scored reasons
      expect(bar.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(note.compareDocumentPosition(screen.getByRole('list')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // no score given: the total is still the sum of the scored points
      cleanup();
      renderBar(WITH_NOTE);
      expect(screen.getByText('Score 45 / 100')).toBeTruthy();
    });

    it('gives KIND and CAPACITY a colour of their own, whatever their place in the bar', () => {
      const colours = (reasons: Reason[]) => {
        renderBar(reasons);
        const segments = Array.from(screen.getByTestId('reasons-bar').querySelectorAll<HTMLElement>('[data-factor]'));
        const found = Object.fromEntries(segments.map((s) => [s.getAttribute('data-factor'), s.style.background]));
        cleanup();
        return found;
      };
      const capacity = { factor: 'CAPACITY', points: 0.1, detail: 'c' };
      const kind = { factor: 'KIND', points: 0.05, detail: 'k' };
      const expected = { CAPACITY: 'rgb(8, 127, 91)', KIND: 'rgb(54, 79, 199)' };
      expect(colours([capacity, kind])).toEqual(expected);
      expect(colours([{ factor: 'THEMES', points: 0.2, detail: 't' }, kind, capacity])).toEqual({
        THEMES: 'rgb(28, 126, 214)',
        ...expected,
      });
    });

    it('keeps the API’s whole sentence when it does not start with the label', () => {
      renderBar([{ ...UNCONFIRMED, detail: 'State your founding year' }], 0);
      expect(screen.getByTestId('reasons-unconfirmed').textContent).toBe('?To be confirmed — State your founding year');
    });

    it('speaks French and Spanish', async () => {
      await i18n.changeLanguage('fr');
      renderBar([
        { factor: 'KIND', points: 0.05, detail: 'x' },
        {
          factor: 'UNCONFIRMED',
          points: 0,
          detail: 'À confirmer : les règles du fonds portent sur ce que le profil n’indique pas (son revenu annuel)',
        },
      ]);
      expect(screen.getByTestId('reasons-unconfirmed').textContent).toBe(
        '?À confirmer — les règles du fonds portent sur ce que le profil n’indique pas (son revenu annuel)',
      );
      expect(screen.getByRole('listitem').textContent).toBe('Type de projet · 5 points — x');
      cleanup();
      await i18n.changeLanguage('es');
      renderBar([
        { factor: 'CAPACITY', points: 0.1, detail: 'y' },
        {
          factor: 'UNCONFIRMED',
          points: 0,
          detail:
            'Por confirmar: las reglas del fondo preguntan por lo que el perfil no indica (su número de miembros)',
        },
      ]);
      expect(screen.getByTestId('reasons-unconfirmed').textContent).toBe(
        '?Por confirmar — las reglas del fondo preguntan por lo que el perfil no indica (su número de miembros)',
      );
      expect(screen.getByRole('listitem').textContent).toMatch(/^Capacidades · 10 .+ — y$/);
    });
  });
});

import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { CompositionPanel } from './CompositionPanel';
import type { ShortlistEntry } from './shortlist';

const entry = (over: Partial<ShortlistEntry> & Pick<ShortlistEntry, 'id' | 'name'>): ShortlistEntry => ({
  slug: over.id,
  kind: 'MIGRANT_ASSOCIATION',
  womenLed: false,
  youthLed: false,
  residence: [{ code: 'IT', name: 'Italy' }],
  origin: [{ code: 'PH', name: 'Philippines' }],
  score: 0.5,
  reasons: [],
  ...over,
});

const SHORTLIST: ShortlistEntry[] = [
  entry({ id: 'a', name: 'Filipino Association Milan', womenLed: true }),
  entry({
    id: 'b',
    name: 'Filipino Network',
    kind: 'DIASPORA_NETWORK',
    residence: [
      { code: 'IT', name: 'Italy' },
      { code: 'ES', name: 'Spain' },
    ],
  }),
  entry({
    id: 'c',
    name: 'Moroccan Youth Madrid',
    youthLed: true,
    womenLed: true,
    residence: [{ code: 'ES', name: 'Spain' }],
    origin: [{ code: 'MA', name: 'Morocco' }],
  }),
  entry({ id: 'd', name: 'Domestic Workers Union', kind: 'TRADE_UNION', origin: [] }),
];

function renderPanel(entries: ShortlistEntry[]) {
  return render(
    <MantineProvider>
      <CompositionPanel entries={entries} />
    </MantineProvider>,
  );
}

/** The rows of one chart: key → [count, text]. */
function rows(group: string) {
  const figure = screen.getByTestId(`composition-${group}`);
  return Object.fromEntries(
    within(figure)
      .getAllByRole('listitem')
      .map((li) => [li.getAttribute('data-key'), [Number(li.getAttribute('data-count')), li.textContent]]),
  );
}

describe('CompositionPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('counts the shortlist by residence, origin, kind and leadership, each bar with its share in words', () => {
    renderPanel(SHORTLIST);
    // an organization based in two countries counts in both
    expect(rows('residence')).toEqual({
      IT: [3, 'Italy: 3 of 4 (75%)'],
      ES: [2, 'Spain: 2 of 4 (50%)'],
    });
    expect(rows('origin')).toEqual({
      PH: [2, 'Philippines: 2 of 4 (50%)'],
      MA: [1, 'Morocco: 1 of 4 (25%)'],
      '-': [1, 'None given: 1 of 4 (25%)'],
    });
    expect(rows('kind')).toEqual({
      MIGRANT_ASSOCIATION: [2, 'Migrant association: 2 of 4 (50%)'],
      DIASPORA_NETWORK: [1, 'Diaspora network: 1 of 4 (25%)'],
      TRADE_UNION: [1, 'Trade union: 1 of 4 (25%)'],
    });
    expect(rows('leadership')).toEqual({
      womenLed: [2, 'Women-led: 2 of 4 (50%)'],
      youthLed: [1, 'Youth-led: 1 of 4 (25%)'],
      neither: [2, 'Neither: 2 of 4 (50%)'],
    });
  });

  it('draws each bar as wide as its share, hidden from screen readers (the text says it)', () => {
    renderPanel(SHORTLIST);
    const italy = within(screen.getByTestId('composition-residence')).getAllByRole('listitem')[0];
    const bar = italy.querySelector('[aria-hidden="true"] > div') as HTMLElement;
    expect(bar.style.width).toBe('75%');
    // every chart is named by its caption
    expect(
      within(screen.getByTestId('composition-kind')).getByRole('list', { name: 'By kind of organization' }),
    ).toBeTruthy();
  });

  it('speaks French with French numbers', async () => {
    await i18n.changeLanguage('fr');
    renderPanel(SHORTLIST);
    expect(rows('residence').IT[1]).toMatch(/^Italie : 3 sur 4 \(75\s?%\)$/);
    expect(screen.getByRole('heading', { name: 'Composition de la liste restreinte' })).toBeTruthy();
  });

  it('says how to start when the shortlist is empty, with no chart', () => {
    renderPanel([]);
    expect(screen.getByText('Add organizations to the shortlist to see its composition.')).toBeTruthy();
    expect(screen.queryByTestId('composition-residence')).toBeNull();
  });
});

import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { EligibilityChecklist, UNCONFIRMED_COLOR, type EligibilityCheck } from './EligibilityChecklist';

const check = (rule: string, passed: boolean, detail: string, unconfirmed = false): EligibilityCheck => ({
  rule,
  passed,
  unconfirmed,
  detail,
});

const CHECKS: EligibilityCheck[] = [
  check('FUND_OPEN', true, 'The fund is open and its deadline has not passed'),
  check('ORGANIZATION_KIND', true, 'The organization is of a kind the fund accepts'),
  check('RESIDENCE', false, 'The organization is not based in a country the fund accepts'),
  check('ORIGIN', false, 'The organization does not represent a diaspora community the fund accepts'),
  check('VERIFICATION', true, 'Verification: the requirement is met'),
];

const AGE = check(
  'ORGANIZATION_AGE',
  true,
  'The fund accepts organizations founded in 2020 or earlier: state your founding year in your profile',
  true,
);
const NON_PROFIT = check(
  'NON_PROFIT',
  true,
  'The fund accepts not-for-profit organizations only: say whether yours is one in your profile',
  true,
);

function renderList(eligible: boolean, checks: EligibilityCheck[]) {
  render(
    <MantineProvider>
      <EligibilityChecklist eligible={eligible} checks={checks} />
    </MantineProvider>,
  );
  return within(screen.getByRole('list', { name: /rules|règles/i })).getAllByRole('listitem');
}

describe('EligibilityChecklist', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says why not: how many rules fail, the failing ones first with the API’s reason', () => {
    const items = renderList(false, CHECKS);
    expect(screen.getByText('Not eligible')).toBeTruthy();
    expect(screen.getByText('2 of 5 rules are not met:')).toBeTruthy();
    expect(items.map((li) => li.getAttribute('data-rule'))).toEqual([
      'RESIDENCE',
      'ORIGIN',
      'FUND_OPEN',
      'ORGANIZATION_KIND',
      'VERIFICATION',
    ]);
    expect(items[1].textContent).toBe(
      '✗Community of origin: not met — The organization does not represent a diaspora community the fund accepts',
    );
    expect(items[2].textContent).toBe('✓Fund open: met — The fund is open and its deadline has not passed');
  });

  it('uses the singular for one failing rule', () => {
    renderList(false, [CHECKS[0], CHECKS[3]]);
    expect(screen.getByText('1 of 2 rules is not met:')).toBeTruthy();
  });

  it('marks passed and failed in words, not only with a colour or a sign hidden from screen readers', () => {
    const items = renderList(false, CHECKS);
    for (const item of items) {
      const sign = item.querySelector('[aria-hidden="true"]');
      expect(sign?.textContent).toMatch(/^[✓✗]$/);
      expect(item.textContent).toMatch(item.getAttribute('data-passed') === 'true' ? /: met —/ : /: not met —/);
    }
  });

  it('says eligible when every rule holds', () => {
    renderList(
      true,
      CHECKS.map((c) => ({ ...c, passed: true })),
    );
    expect(screen.getByText('Eligible')).toBeTruthy();
    expect(screen.getByText('All rules are met (5).')).toBeTruthy();
  });

  it('speaks French, and keeps an unknown rule’s code as its label', async () => {
    await i18n.changeLanguage('fr');
    const items = renderList(false, [...CHECKS.slice(3, 4), check('SOMETHING_NEW', true, 'ok')]);
    expect(screen.getByText('Non éligible')).toBeTruthy();
    expect(screen.getByText('1 règle sur 2 n’est pas remplie :')).toBeTruthy();
    expect(items[0].textContent).toContain('Communauté d’origine : non remplie');
    expect(items[1].textContent).toBe('✓SOMETHING_NEW : remplie — ok');
  });

  describe('a rule that passes only because the profile leaves a fact blank', () => {
    it('is marked "?" and "to be confirmed", after the failing rules and before the passed ones', () => {
      const items = renderList(false, [CHECKS[0], AGE, CHECKS[2], CHECKS[4]]);
      expect(items.map((li) => li.getAttribute('data-rule'))).toEqual([
        'RESIDENCE',
        'ORGANIZATION_AGE',
        'FUND_OPEN',
        'VERIFICATION',
      ]);
      expect(items[1].getAttribute('data-unconfirmed')).toBe('true');
      expect(items[1].textContent).toBe(`?Age of the organization: to be confirmed — ${AGE.detail}`);
      // the sign is decoration: the words say it (and a passed rule does not say "to be confirmed")
      expect(items[1].querySelector('[aria-hidden="true"]')?.textContent).toBe('?');
      expect(items[2].textContent).toMatch(/^✓Fund open: met — /);
      expect(items[2].getAttribute('data-unconfirmed')).toBeNull();
    });

    it('draws the "?" in its own colour, dark enough for 4.5:1 against white', () => {
      const items = renderList(true, [CHECKS[0], AGE]);
      const colour = (item: HTMLElement) =>
        (item.querySelector('[aria-hidden="true"]') as HTMLElement).style.getPropertyValue('color');
      const unconfirmed = colour(items[0]);
      expect(unconfirmed).not.toBe(colour(items[1]));
      expect(contrastWithWhite(unconfirmed)).toBeGreaterThanOrEqual(4.5);
      expect(UNCONFIRMED_COLOR).toBe('#8a5300');
    });

    it('is counted apart in the summary, when eligible (one and several)', () => {
      renderList(true, [CHECKS[0], CHECKS[1], CHECKS[4], AGE]);
      expect(screen.getByText('Eligible')).toBeTruthy();
      expect(screen.getByText('3 rules met, 1 to be confirmed.')).toBeTruthy();
      cleanup();
      renderList(true, [CHECKS[0], AGE, NON_PROFIT]);
      expect(screen.getByText('1 rule met, 2 to be confirmed.')).toBeTruthy();
    });

    it('is counted apart in the summary when other rules fail', () => {
      renderList(false, [...CHECKS, AGE, NON_PROFIT]);
      expect(screen.getByText('2 of 7 rules are not met, 2 to be confirmed:')).toBeTruthy();
    });

    it('speaks French', async () => {
      await i18n.changeLanguage('fr');
      const items = renderList(true, [CHECKS[0], AGE]);
      expect(screen.getByText('1 règle remplie, 1 à confirmer.')).toBeTruthy();
      expect(items[0].textContent).toContain('Ancienneté de l’organisation : à confirmer — ');
    });
  });
});

/** WCAG contrast ratio of an rgb()/hex colour against white. */
function contrastWithWhite(colour: string): number {
  const parts = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = parts.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { EligibilityChecklist, type EligibilityCheck } from './EligibilityChecklist';

const CHECKS: EligibilityCheck[] = [
  { rule: 'FUND_OPEN', passed: true, detail: 'The fund is open and its deadline has not passed' },
  { rule: 'ORGANIZATION_KIND', passed: true, detail: 'The organization is of a kind the fund accepts' },
  { rule: 'RESIDENCE', passed: false, detail: 'The organization is not based in a country the fund accepts' },
  {
    rule: 'ORIGIN',
    passed: false,
    detail: 'The organization does not represent a diaspora community the fund accepts',
  },
  { rule: 'VERIFICATION', passed: true, detail: 'Verification: the requirement is met' },
];

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
    const items = renderList(false, [...CHECKS.slice(3, 4), { rule: 'SOMETHING_NEW', passed: true, detail: 'ok' }]);
    expect(screen.getByText('Non éligible')).toBeTruthy();
    expect(screen.getByText('1 règle sur 2 n’est pas remplie :')).toBeTruthy();
    expect(items[0].textContent).toContain('Communauté d’origine : non remplie');
    expect(items[1].textContent).toBe('✓SOMETHING_NEW : remplie — ok');
  });
});

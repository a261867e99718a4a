import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ReportView, type ReportConsultation } from './ConsultationReport';

const org = (id: string, name: string, kind = 'MIGRANT_ASSOCIATION') => ({ id, slug: id, name, kind });

const CONSULTATION: ReportConsultation = {
  __typename: 'Consultation',
  id: 'c1',
  title: 'Labour rights of Filipino domestic workers in Italy',
  description: 'Standard contracts, rest days and pensions.',
  level: 'NATIONAL',
  status: 'CLOSED',
  acceptsContributions: false,
  opensAt: null,
  closesAt: '2026-12-01T10:00:00.000Z',
  openedAt: '2026-11-01T10:00:00.000Z',
  closedAt: '2026-11-20T10:00:00.000Z',
  createdAt: '2026-10-30T10:00:00.000Z',
  outcomeSummary: 'The agreement will make the national contract the minimum standard.',
  outcomePublishedAt: '2026-11-20T10:00:00.000Z',
  convener: { id: 'g', slug: 'dmw', name: 'Department of Migrant Workers' },
  themes: [{ code: 'DOMESTIC_WORK', name: 'Domestic work' }],
  countriesOfOrigin: [{ code: 'PH', name: 'Philippines' }],
  country: { code: 'IT', name: 'Italy' },
  invitations: [
    {
      id: 'i1',
      status: 'ACCEPTED',
      createdAt: '2026-10-31T10:00:00.000Z',
      respondedAt: '2026-11-02T09:30:00.000Z',
      reason: 'Score 62 / 100 — Community of origin (15): Represents the Philippines',
      organization: org('o1', 'Filipino Association Milan'),
    },
    {
      id: 'i2',
      status: 'DECLINED',
      createdAt: '2026-10-31T10:00:00.000Z',
      respondedAt: '2026-11-03T09:30:00.000Z',
      reason: null,
      organization: org('o2', 'Caritas Migrants', 'FAITH_BASED'),
    },
    {
      id: 'i3',
      status: 'PENDING',
      createdAt: '2026-10-31T10:00:00.000Z',
      respondedAt: null,
      reason: 'Score 40 / 100',
      organization: org('o3', 'Filipino Community Rome'),
    },
  ],
  contributions: [
    {
      id: 'x1',
      body: 'Six in ten of our members work without a written contract.',
      createdAt: '2026-11-05T08:00:00.000Z',
      organization: { id: 'o1', slug: 'o1', name: 'Filipino Association Milan' },
    },
  ],
} as ReportConsultation;

function renderReport(c: ReportConsultation = CONSULTATION) {
  return render(
    <MantineProvider>
      <ReportView consultation={c} now={new Date('2026-11-21T12:00:00Z')} />
    </MantineProvider>,
  );
}

describe('ReportView (the printable consultation report)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('gives the topic, who was invited and why, who answered, the contributions and the outcome', () => {
    renderReport();
    expect(screen.getByRole('heading', { level: 1, name: CONSULTATION.title })).toBeTruthy();
    expect(screen.getByText('Standard contracts, rest days and pensions.')).toBeTruthy();

    const rows = within(screen.getByTestId('report-invitations')).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      [
        'Filipino Association MilanMigrant association',
        'Score 62 / 100 — Community of origin (15): Represents the Philippines',
        'Accepted',
        expect.stringMatching(/Nov 2, 2026/),
      ],
      [
        'Caritas MigrantsFaith-based organization',
        'No reason recorded',
        'Declined',
        expect.stringMatching(/Nov 3, 2026/),
      ],
      ['Filipino Community RomeMigrant association', 'Score 40 / 100', 'Pending', ''],
    ]);

    expect(within(screen.getByTestId('report-accepted')).getByRole('heading').textContent).toBe('Accepted (1)');
    expect(within(screen.getByTestId('report-accepted')).getByRole('listitem').textContent).toBe(
      'Filipino Association Milan',
    );
    expect(within(screen.getByTestId('report-declined')).getByRole('listitem').textContent).toBe('Caritas Migrants');
    expect(within(screen.getByTestId('report-pending')).getByRole('heading').textContent).toBe('Did not answer (1)');
    const contributions = screen.getAllByTestId('report-contribution');
    expect(contributions).toHaveLength(1);
    expect(contributions[0].textContent).toContain('Six in ten of our members');
    expect(screen.getByRole('heading', { name: 'Contributions (1)' })).toBeTruthy();
    expect(screen.getByTestId('report-outcome-text').textContent).toBe(CONSULTATION.outcomeSummary);
  });

  it('says when nobody was invited, nothing was contributed and no outcome is published', () => {
    renderReport({ ...CONSULTATION, invitations: [], contributions: [], outcomeSummary: null });
    expect(screen.queryByTestId('report-invitations')).toBeNull();
    expect(screen.getByText('No organization is invited yet.')).toBeTruthy();
    expect(screen.getByText('No contribution yet.')).toBeTruthy();
    expect(screen.getByTestId('report-outcome-text').textContent).toBe('No outcome summary published yet.');
  });

  it('is written in French for a French reader', async () => {
    await i18n.changeLanguage('fr');
    renderReport();
    expect(screen.getByRole('heading', { name: 'Qui a été invité et pourquoi' })).toBeTruthy();
    expect(screen.getByText('Aucune raison enregistrée')).toBeTruthy();
    expect(screen.getByText(/^Rapport du 21 nov\. 2026/)).toBeTruthy();
  });
});

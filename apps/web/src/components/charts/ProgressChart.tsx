import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ProgressChart.module.css';

export interface ChartIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  measurements: readonly { measuredOn: string; value: number }[];
}

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 12, right: 12, bottom: 24, left: 12 };

/** "2026-03-01" (a calendar date, no time zone) → its UTC timestamp. */
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * Chart geometry, pure so it can be tested: measurements by date on x (evenly spaced when they
 * share one date), values on y between the smallest and the largest of baseline, target and values.
 */
export function chartGeometry(indicator: ChartIndicator) {
  const points = [...indicator.measurements].sort((a, b) => dayOf(a.measuredOn) - dayOf(b.measuredOn));
  const values = [indicator.baseline, indicator.target, ...points.map((p) => p.value)];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + innerH - ((v - low) / (high - low)) * innerH;
  const first = points.length ? dayOf(points[0].measuredOn) : 0;
  const last = points.length ? dayOf(points[points.length - 1].measuredOn) : 0;
  const x = (date: string, i: number) => {
    if (points.length === 1) return PAD.left + innerW / 2;
    if (last === first) return PAD.left + (i / (points.length - 1)) * innerW;
    return PAD.left + ((dayOf(date) - first) / (last - first)) * innerW;
  };
  return {
    points: points.map((p, i) => ({ ...p, x: x(p.measuredOn, i), y: y(p.value) })),
    baselineY: y(indicator.baseline),
    targetY: y(indicator.target),
  };
}

/**
 * A small SVG line chart of one indicator's measurements against its baseline and target, with a
 * text summary (the SVG's accessible name and description) and the same data as a table.
 */
export function ProgressChart({ indicator, progress }: { indicator: ChartIndicator; progress?: number | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const fmtDate = (d: string) => date.format(new Date(dayOf(d)));
  const { points, baselineY, targetY } = chartGeometry(indicator);
  const latest = points[points.length - 1];
  const summary = latest
    ? t('projects.charts.summary', {
        name: indicator.name,
        count: points.length,
        latest: number.format(latest.value),
        date: fmtDate(latest.measuredOn),
        baseline: number.format(indicator.baseline),
        target: number.format(indicator.target),
        unit: indicator.unit,
      }) + (progress != null ? ` ${t('projects.charts.progress', { percent: percent.format(progress) })}` : '')
    : t('projects.charts.empty', {
        name: indicator.name,
        baseline: number.format(indicator.baseline),
        target: number.format(indicator.target),
        unit: indicator.unit,
      });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  return (
    <figure className={classes.figure}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={classes.svg}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-testid="progress-chart"
      >
        <title id={`${id}-title`}>{t('projects.charts.title', { name: indicator.name })}</title>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={baselineY} y2={baselineY} className={classes.baseline} />
        <text x={PAD.left} y={baselineY - 3} className={classes.label}>
          {t('projects.charts.baseline')} {number.format(indicator.baseline)}
        </text>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={targetY} y2={targetY} className={classes.target} />
        <text x={WIDTH - PAD.right} y={targetY - 3} textAnchor="end" className={classes.label}>
          {t('projects.charts.target')} {number.format(indicator.target)}
        </text>
        {points.length > 1 && <path d={path} className={classes.line} data-testid="progress-line" />}
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={4} className={classes.point} data-testid="progress-point" />
        ))}
        {points.length > 0 && (
          <>
            <text x={PAD.left} y={HEIGHT - 6} className={classes.label}>
              {fmtDate(points[0].measuredOn)}
            </text>
            {points.length > 1 && (
              <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className={classes.label}>
                {fmtDate(latest.measuredOn)}
              </text>
            )}
          </>
        )}
      </svg>
      <figcaption id={`${id}-desc`} className={classes.caption}>
        {summary}
      </figcaption>
      {points.length > 0 && (
        <details>
          <summary>{t('projects.charts.showTable')}</summary>
          <table className={classes.table}>
            <caption>{t('projects.charts.tableCaption', { name: indicator.name, unit: indicator.unit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.charts.date')}</th>
                <th scope="col">{t('projects.charts.value')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={i}>
                  <td>{fmtDate(p.measuredOn)}</td>
                  <td>{number.format(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

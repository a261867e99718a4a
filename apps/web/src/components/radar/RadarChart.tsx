import { Table, Text } from '@mantine/core';
import { useId } from 'react';

export interface RadarAxis {
  key: string;
  label: string;
  value: number;
}

export interface RadarChartProps {
  /** Its name, read by screen readers and used as the table caption */
  title: string;
  axes: RadarAxis[];
  /** The level at the outer ring (the levels are 1..max) */
  max: number;
  /** The headings of the table's two columns */
  axisLabel: string;
  valueLabel: string;
  /** Formats a value for the table and the labels (e.g. Intl.NumberFormat) */
  format?: (value: number) => string;
  size?: number;
}

/** The point of a value on its axis: axis i of n starts at 12 o'clock and goes clockwise. */
export function radarPoint(i: number, n: number, value: number, max: number, radius: number, center: number) {
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  const r = (Math.max(0, Math.min(value, max)) / max) * radius;
  return { x: center + r * Math.cos(angle), y: center + r * Math.sin(angle) };
}

const round = (n: number) => Math.round(n * 100) / 100;
const pointsOf = (list: { x: number; y: number }[]) => list.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');

/**
 * A small radar (spider) chart drawn in SVG, with the same figures in a table: the picture is a
 * summary for sighted readers, the table is what screen readers and keyboard users read.
 */
export function RadarChart({ title, axes, max, axisLabel, valueLabel, format = String, size = 320 }: RadarChartProps) {
  const id = useId();
  const n = axes.length;
  const labelSpace = 70;
  const center = size / 2;
  const radius = center - labelSpace;
  const rings = Array.from({ length: max }, (_, k) => k + 1);
  return (
    <figure style={{ margin: 0 }} data-testid="radar">
      {n >= 3 && (
        <svg
          viewBox={`0 0 ${size} ${size}`}
          width="100%"
          style={{ maxWidth: size, display: 'block', margin: '0 auto' }}
          role="img"
          aria-labelledby={`${id}-caption`}
        >
          {rings.map((level) => (
            <polygon
              key={level}
              data-testid="radar-ring"
              points={pointsOf(axes.map((_, i) => radarPoint(i, n, level, max, radius, center)))}
              fill="none"
              stroke="#ced4da"
              strokeWidth={1}
            />
          ))}
          {axes.map((axis, i) => {
            const end = radarPoint(i, n, max, max, radius, center);
            return <line key={axis.key} x1={center} y1={center} x2={end.x} y2={end.y} stroke="#ced4da" />;
          })}
          <polygon
            data-testid="radar-area"
            points={pointsOf(axes.map((a, i) => radarPoint(i, n, a.value, max, radius, center)))}
            fill="rgba(8, 127, 91, 0.25)"
            stroke="#087f5b"
            strokeWidth={2}
          />
          {axes.map((axis, i) => {
            const p = radarPoint(i, n, max + 0.35, max, radius, center);
            const anchor = Math.abs(p.x - center) < 4 ? 'middle' : p.x > center ? 'start' : 'end';
            const short = axis.label.length > 16 ? `${axis.label.slice(0, 15)}…` : axis.label;
            return (
              <text
                key={axis.key}
                x={p.x}
                y={p.y}
                textAnchor={anchor}
                dominantBaseline="middle"
                fontSize={10}
                fill="#343a40"
                aria-hidden="true"
              >
                {short}
              </text>
            );
          })}
        </svg>
      )}
      <Table mt="sm" striped withTableBorder aria-labelledby={`${id}-caption`}>
        <Table.Caption id={`${id}-caption`} style={{ captionSide: 'top' }}>
          <Text span fw={600} c="dark">
            {title}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{axisLabel}</Table.Th>
            <Table.Th scope="col">{valueLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {axes.map((axis) => (
            <Table.Tr key={axis.key}>
              <Table.Th scope="row" fw={400}>
                {axis.label}
              </Table.Th>
              <Table.Td>
                {format(axis.value)} / {format(max)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}

import { Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { kpiSparklineOption } from '../../../shared/charts';
import { ChartPanel } from '../ChartPanel/ChartPanel';
import classes from './KpiTile.module.css';

export interface TileChange {
  label: string;
  text: string;
  /** Favourable, unfavourable or neither, given the KPI's good direction. */
  tone: 'better' | 'worse' | 'neutral';
}

/** A KPI tile: value, changes against comparisons, a 13-month sparkline; the whole tile opens the drill-down. */
export function KpiTile({ id, label, value, rawValue, changes, sparkline, note, onOpen }: {
  id: string;
  label: string;
  value: ReactNode;
  rawValue: number | null;
  changes: TileChange[];
  sparkline: Array<number | null>;
  note?: string;
  onOpen(): void;
}) {
  return (
    <div role="button" tabIndex={0} className={classes.tile} onClick={onOpen} data-testid={`kpi-tile-${id}`} data-kpi-value={rawValue ?? ''}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}<VisuallyHidden>: open the drill-down</VisuallyHidden></Text>
      <div className={classes.value} data-testid="kpi-value">{value}</div>
      <Group gap="sm">
        {changes.map((change) => (
          <Text key={change.label} size="xs" className={change.tone === 'neutral' ? undefined : classes[change.tone]}>
            {change.text} <Text span size="xs" c="dimmed">{change.label}</Text>
          </Text>
        ))}
      </Group>
      {note && <Text size="xs" c="dimmed" lineClamp={2}>{note}</Text>}
      <ChartPanel option={kpiSparklineOption(sparkline)} height={44} label={`${label}, last 13 months`} />
    </div>
  );
}

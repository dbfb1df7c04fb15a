import { Group, List, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { kpiSparklineOption } from '../../../shared/charts';
import { findingsLabel } from '../../../shared/reports/finding-kpis';
import { ChartPanel } from '../ChartPanel/ChartPanel';
import classes from './KpiTile.module.css';

export interface TileChange {
  label: string;
  text: string;
  /** Favourable, unfavourable or neither, given the KPI's good direction. */
  tone: 'better' | 'worse' | 'neutral';
}

/** A data-quality finding as a tile shows it. */
export interface TileFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * The marker of the findings that put a tile's figure in doubt: its colour is the worst severity,
 * its label says how many, the tooltip lists them (the drill-down lists them with their records).
 * Not focusable itself: the tile is the button, and its name includes the marker's label.
 */
function FindingsMarker({ findings }: { findings: TileFinding[] }) {
  const severity = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
  const label = findingsLabel(findings.length);
  return (
    <Tooltip multiline w={340} withinPortal label={<List size="xs" spacing={2}>{findings.map((f) => <List.Item key={f.message}>{f.message}</List.Item>)}</List>}>
      <span role="img" aria-label={label} className={`${classes.marker} ${classes[severity]}`} data-testid="kpi-dq-marker" data-severity={severity} data-count={findings.length}>
        ! {findings.length}
      </span>
    </Tooltip>
  );
}

/** A KPI tile: value, changes against comparisons, a 13-month sparkline; the whole tile opens the drill-down. */
export function KpiTile({ id, label, value, rawValue, changes, sparkline, note, findings = [], onOpen }: {
  id: string;
  label: string;
  value: ReactNode;
  rawValue: number | null;
  changes: TileChange[];
  sparkline: Array<number | null>;
  note?: string;
  /** Data-quality findings that affect this figure (a marker shows when there are any). */
  findings?: TileFinding[];
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
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}<VisuallyHidden>: open the drill-down</VisuallyHidden></Text>
        {findings.length > 0 && <FindingsMarker findings={findings} />}
      </Group>
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

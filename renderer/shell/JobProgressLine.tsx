import { Group, Progress, Text } from '@mantine/core';
import type { JobProgress } from './useJobProgress';

/**
 * A job's label and bar: a measured bar when the core knows the total, an animated one otherwise
 * (demo generation, or an import whose core reports no steps yet).
 */
export function JobProgressLine({ progress, fallbackLabel, testId }: { progress: JobProgress | null; fallbackLabel: string; testId?: string }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const measured = total > 0;
  const percent = measured ? Math.min(100, Math.round((done / total) * 100)) : 100;
  const label = progress?.label ?? fallbackLabel;
  return (
    <Group gap="xs" wrap="nowrap" miw={220} data-testid={testId} role="status" aria-live="polite">
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{label}</Text>
      <Progress value={percent} animated={!measured} striped={!measured} size="sm" w={120} aria-label={label}
        aria-valuetext={measured ? `${done} of ${total}` : 'in progress'} />
    </Group>
  );
}

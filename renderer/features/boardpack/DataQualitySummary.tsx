import { Button, List, Popover, Text } from '@mantine/core';
import type { DataQualityFinding } from '../../../shared/reports/types';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The pack's data-quality count beside "Mark final…": errors make the final gate ask for a waiver,
 * so the user sees why before opening it; the popover lists every finding of the pack's companies.
 */
export function DataQualitySummary({ findings }: { findings: DataQualityFinding[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const text = `Data quality: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" data-testid="pack-dq-summary" data-errors={errors} data-warnings={warnings}>{text}</Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Data-quality findings of the pack">
        {findings.length === 0 ? (
          <Text size="sm">The data-quality checks pass for the pack's companies.</Text>
        ) : (
          <>
            <Text size="sm" mb={4}>{errors > 0 ? 'Marking final will ask for a written waiver for the errors.' : 'Warnings do not block marking final.'}</Text>
            <List size="sm" spacing={4} data-testid="pack-dq-list">
              {findings.map((f) => (
                <List.Item key={`${f.code}-${f.companyId}-${f.message}`}><Text span fw={600} size="sm">{f.severity === 'error' ? 'Error' : 'Warning'}:</Text> {f.message}</List.Item>
              ))}
            </List>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

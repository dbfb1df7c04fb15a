import { Badge, Button, Group, Tooltip } from '@mantine/core';
import type { KeyAge } from '../../shared/rpc/contracts/workspace';
import { useView } from './view-state';

/** Key states that need the user: a key about to expire, an expired one, or none this session. */
const NEEDS_ACTION: Partial<Record<KeyAge['status'], { label: string; color: string }>> = {
  expiring: { label: 'API key expires soon', color: 'yellow.5' },
  expired: { label: 'API key expired', color: 'red.9' },
  missing: { label: 'No API key', color: 'red.9' },
};

/**
 * The key-expiry reminder, in the status bar so it shows on every screen: Odoo 19 keys expire after
 * about three months and a sync then fails, usually on the morning the board pack is due.
 */
export function KeyAgeReminder({ keyAge }: { keyAge: KeyAge }) {
  const view = useView();
  const need = NEEDS_ACTION[keyAge.status];
  if (!need) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="key-age-reminder" data-status={keyAge.status} role="status">
      <Tooltip label={keyAge.message} multiline w={320}>
        <Badge size="sm" color={need.color} autoContrast tabIndex={0} aria-label={`${need.label}: ${keyAge.message}`}>{need.label}</Badge>
      </Tooltip>
      {view.screen !== 'connection' && (
        <Button size="compact-xs" variant="subtle" onClick={() => view.go('connection')}>Update key</Button>
      )}
    </Group>
  );
}

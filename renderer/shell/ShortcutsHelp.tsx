import { Kbd, Table } from '@mantine/core';
import { Dialog } from '../ui/Dialog/Dialog';

export const SHORTCUTS: Array<[string, string]> = [
  ['Alt+1 … Alt+5', 'Dashboard, Reconcile, Board pack, Sync, Settings (Option+1 … 5 on macOS)'],
  ['Alt+S', 'Sync now and open Sync; if it cannot start, a notice says why'],
  ['Alt+E', 'Export XLSX and PDF on the Board pack screen (ignored while an export runs)'],
  ['Shift+?', 'This list'],
  ['Esc', 'Close a drill-down or dialog'],
];

/** The keyboard shortcuts, listed (Shift+?). */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table fz="sm" aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <Table.Tr key={keys}><Table.Td><Kbd>{keys}</Kbd></Table.Td><Table.Td>{action}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Dialog>
  );
}

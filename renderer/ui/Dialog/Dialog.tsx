import { Group, Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The app's modal dialog. Built from Mantine's compound parts without `Modal.Header`, whose `<header>` sits
 * outside `<main>` in the portal and would be a second banner landmark on the page (axe: landmark rules).
 * The title still names the dialog (aria-labelledby) and the close button says what it does.
 */
export function Dialog({ opened, onClose, title, size, children }: { opened: boolean; onClose(): void; title: ReactNode; size?: ModalRootProps['size']; children: ReactNode }) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Group justify="space-between" wrap="nowrap" p="md" pb={0}>
          <Modal.Title fw={600}>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Group>
        <Modal.Body pt="md">{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

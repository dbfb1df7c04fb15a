import { Button, Group, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SectionId } from '../../../shared/boardpack/model';
import { useApi } from '../../api/ApiContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import type { PackCompanies } from '../../../shared/rpc/contracts/boardpack';

/** The finance lead's commentary for one section and month, stored with the month in the cache. */
export function CommentaryEditor({ month, company, section, sectionTitle, initial, onSaved }: {
  month: string;
  company: PackCompanies;
  section: SectionId;
  sectionTitle: string;
  initial: string;
  onSaved(): void;
}) {
  const api = useApi();
  const [text, setText] = useState(initial);
  const save = useMutation({ mutationFn: () => api.call('boardpack.saveCommentary', { month, company, section, text }), onSuccess: onSaved });
  return (
    <div>
      <Textarea label={`Commentary: ${sectionTitle}`} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder="What the board should know about these figures" />
      <Group justify="flex-end" mt={4}>
        <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending} disabled={text === initial}>Save commentary</Button>
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
    </div>
  );
}

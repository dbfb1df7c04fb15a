import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatFigure } from '../../../shared/boardpack/format';
import type { Block, BoardPackDocument, Section, TableBlock } from '../../../shared/boardpack/model';
import { cellUnit } from '../../../shared/boardpack/table-math';
import { ChartPanel } from '../../ui/ChartPanel/ChartPanel';
import { CommentaryEditor } from './CommentaryEditor';
import type { PackCompanies } from '../../../shared/rpc/contracts/boardpack';

/** The preview shows the top of long tables; the exported XLSX and PDF always hold every row. */
const PREVIEW_ROWS = 60;

function PackTable({ block, doc }: { block: TableBlock; doc: BoardPackDocument }) {
  const hidden = block.rows.length - PREVIEW_ROWS;
  const display = { scale: block.scale ?? doc.scale, currencyDecimals: doc.currencyDecimals };
  return (
    <Table fz="xs" verticalSpacing={2} aria-label={block.title} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{block.labelHeader ?? block.unitLabel}</Table.Th>
          {block.columns.map((column) => <Table.Th key={column.key} ta={column.kind === 'text' ? 'left' : 'right'}>{column.label}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {block.rows.slice(0, PREVIEW_ROWS).map((row) => (
          <Table.Tr key={row.key} fw={row.kind === 'total' || row.kind === 'subtotal' || row.kind === 'heading' ? 700 : undefined}>
            <Table.Td pl={8 + (row.indent ?? 0) * 12}>{row.label}</Table.Td>
            {block.columns.map((column) => (
              <Table.Td key={column.key} ta={column.kind === 'text' ? 'left' : 'right'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {column.kind === 'text' ? row.texts?.[column.key] ?? '' : formatFigure(row.values[column.key] ?? null, cellUnit(row, column), display)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        {hidden > 0 && (
          <Table.Tr data-testid="preview-more">
            <Table.Td colSpan={block.columns.length + 1}><Text size="xs" c="dimmed">…and {hidden} more rows (all in the export)</Text></Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function PackBlock({ block, doc }: { block: Block; doc: BoardPackDocument }) {
  const display = { scale: doc.scale, currencyDecimals: doc.currencyDecimals };
  switch (block.type) {
    case 'kpis':
      return (
        <SimpleGrid cols={3} spacing="xs">
          {block.tiles.map((tile) => (
            <Card key={tile.id} withBorder padding="xs">
              <Text size="xs" c="dimmed">{tile.label}</Text>
              <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFigure(tile.value, tile.unit, display, 'n/a')}</Text>
            </Card>
          ))}
        </SimpleGrid>
      );
    case 'table':
      return <div><Text size="sm" fw={600}>{block.title}</Text><PackTable block={block} doc={doc} /></div>;
    case 'chart':
      return <div><Text size="sm" fw={600}>{block.title}</Text><ChartPanel option={block.option} label={block.title} height={Math.min(block.height, 260)} /></div>;
    case 'commentary':
      return null;
    case 'paragraph':
      return <Text size="sm" c={block.tone === 'warning' ? 'orange' : block.tone === 'muted' ? 'dimmed' : undefined}>{block.text}</Text>;
  }
}

/** The document model as the Excel and PDF renderers receive it, drawn on screen; commentary is edited in place. */
export function PackPreview({ doc, company, onCommentarySaved }: { doc: BoardPackDocument; company: PackCompanies; onCommentarySaved(): void }) {
  return (
    <Stack gap="md" data-testid="pack-preview">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4">{doc.title} · {doc.entityLabel}</Title>
          <Text size="sm" c="dimmed">{doc.period.label} · {doc.currency} · snapshot {doc.snapshot.hash.slice(0, 12)}</Text>
        </div>
        <Badge size="lg" color={doc.status === 'final' ? 'teal.9' : 'gray.8'} data-testid="pack-status">{doc.status === 'final' ? `Final (${doc.final?.by})` : 'Draft'}</Badge>
      </Group>
      {doc.sections.filter((s: Section) => s.enabled && s.id !== 'contents').map((section) => {
        const commentary = section.blocks.find((b) => b.type === 'commentary');
        return (
          <Card key={section.id} withBorder data-section={section.id}>
            <Title order={4} size="h5" mb="xs">{section.title}</Title>
            <Stack gap="sm">
              {section.blocks.map((block, index) => <PackBlock key={`${section.id}-${index}`} block={block} doc={doc} />)}
              {section.id !== 'cover' && (
                <CommentaryEditor month={doc.period.month} company={company} section={section.id} sectionTitle={section.title}
                  initial={commentary?.type === 'commentary' ? commentary.text : ''} onSaved={onCommentarySaved} />
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

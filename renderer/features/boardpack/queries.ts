import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SectionId, TemplateId } from '../../../shared/boardpack/model';
import { useApi } from '../../api/ApiContext';
import type { PackCompanies } from '../../../shared/rpc/contracts/boardpack';

export interface PackRequest {
  month: string;
  company: PackCompanies;
  currency: string | null;
  template: TemplateId;
  scale: 'units' | 'k' | 'm';
  sections: Partial<Record<SectionId, boolean>>;
}

/** Query keys of the board-pack builder. */
export const packKeys = {
  all: ['boardpack'] as const,
  preview: (request: PackRequest) => [...packKeys.all, 'preview', request] as const,
  snapshots: () => [...packKeys.all, 'snapshots'] as const,
};

export const toCall = (r: PackRequest) => ({ month: r.month, company: r.company, template: r.template, scale: r.scale, sections: r.sections, ...(r.currency ? { currency: r.currency } : {}) });

export function usePackPreview(request: PackRequest | null) {
  const api = useApi();
  return useQuery({
    queryKey: request ? packKeys.preview(request) : [...packKeys.all, 'none'],
    queryFn: () => api.call('boardpack.preview', toCall(request!)),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSnapshots() {
  const api = useApi();
  return useQuery({ queryKey: packKeys.snapshots(), queryFn: () => api.call('boardpack.snapshots', {}) });
}

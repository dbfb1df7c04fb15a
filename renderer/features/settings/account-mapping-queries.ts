import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MappingCategory, MappingListing } from '../../../shared/rpc/contracts/mapping';
import { useApi } from '../../api/ApiContext';
import { useWorkspace } from '../workspace/queries';

/** Query keys of the account-mapping editor, per connection profile (each profile has its own cache). */
export const mappingKeys = {
  all: ['mapping'] as const,
  listing: (profileId: string | null, companyId: number) => [...mappingKeys.all, profileId, 'listing', companyId] as const,
  preview: (profileId: string | null, companyId: number, codePrefix: string, category: MappingCategory) =>
    [...mappingKeys.all, profileId, 'preview', companyId, codePrefix, category] as const,
};

/** The same rule as the contract's CodePrefixSchema, to skip previews the core would refuse. */
export const CODE_PREFIX_PATTERN = /^[A-Za-z0-9.]{1,32}$/;

const useActiveProfileId = () => useWorkspace().data?.activeProfileId ?? null;

export function useMappingListing(companyId: number | null) {
  const api = useApi();
  const profileId = useActiveProfileId();
  return useQuery({
    queryKey: companyId === null ? [...mappingKeys.all, profileId, 'none'] : mappingKeys.listing(profileId, companyId),
    queryFn: () => api.call('mapping.listAccounts', { companyId: companyId! }),
    enabled: companyId !== null,
  });
}

export function useMappingPreview(companyId: number | null, codePrefix: string, category: MappingCategory | null) {
  const api = useApi();
  const profileId = useActiveProfileId();
  const ready = companyId !== null && category !== null && CODE_PREFIX_PATTERN.test(codePrefix);
  return useQuery({
    queryKey: ready ? mappingKeys.preview(profileId, companyId, codePrefix, category) : [...mappingKeys.all, profileId, 'preview', 'none'],
    queryFn: () => api.call('mapping.preview', { companyId: companyId!, codePrefix, category: category! }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
}

/**
 * Saving or removing a rule or role: the core answers with the refreshed listing, which replaces the
 * cached one; every other query (dashboard, board pack, previews) is recomputed with the new mapping.
 */
export function useMappingWrite<P>(companyId: number | null, write: (params: P) => Promise<MappingListing>) {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: write,
    onSuccess: (listing) => {
      if (companyId !== null) queryClient.setQueryData(mappingKeys.listing(profileId, companyId), listing);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== mappingKeys.all[0] || query.queryKey[2] === 'preview' });
    },
  });
}

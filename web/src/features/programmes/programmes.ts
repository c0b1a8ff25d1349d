import { api, withQuery, type Items } from '../../api';
import type { CommissionerFields, ContractFields } from '../../../../src/domain/programmes/contract';
import type { LocalGovernment } from '../../../../src/domain/programmes/local-governments';

// Commissioned programmes (委託事業): the federation's commissioners (委託元) and an organization's contracts.

export {
  commissionerKinds as COMMISSIONER_KINDS,
  commonIndicators as COMMON_INDICATORS,
  erasureDate,
  maxRetentionMonths as MAX_RETENTION_MONTHS,
  type CommissionerKind,
} from '../../../../src/domain/programmes/contract';
export type { LocalGovernment };

export type CommissionerInput = CommissionerFields;

export interface Commissioner extends CommissionerInput {
  id: string;
  version: number;
}

/** What a contract form sends: the domain's fields of a contract. */
export type ContractInput = ContractFields;

export interface Contract extends ContractInput {
  id: string;
  organizationId: string;
  /** The day participants' records of the contract are erased. */
  erasureOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const programmePaths = {
  commissioners: '/commissioners',
  localGovernments: (q: string) => withQuery('/local-governments', { q, limit: '20' }),
  contracts: (organizationId: string) => `/organizations/${organizationId}/contracts`,
  contract: (contractId: string) => `/contracts/${contractId}`,
};

export const programmeApi = {
  searchLocalGovernments: async (q: string) => (await api.get<Items<LocalGovernment>>(programmePaths.localGovernments(q))).items,
  createCommissioner: (input: CommissionerInput) => api.post<Commissioner>(programmePaths.commissioners, input),
  createContract: (organizationId: string, input: ContractInput) => api.post<Contract>(programmePaths.contracts(organizationId), input),
  /** Replaces the contract's fields at the version that was read. */
  updateContract: (contract: Contract, input: ContractInput) => api.put<Contract>(programmePaths.contract(contract.id), { ...input, version: contract.version }),
};

export type Commissioners = Items<Commissioner>;

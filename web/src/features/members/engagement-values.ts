import type { FieldErrors } from '../../errors';
import { EXEMPTIONS, type EngagementInput } from './member';

/** Engagement in the work (従事) with its labour contract, or the exemption the Act allows. */
export interface EngagementFormValues {
  site: string;
  startedOn: string;
  endedOn: string;
  labourContractFrom: string;
  labourContractUntil: string;
  /** '' for none. */
  exemption: string;
}

export const EMPTY_ENGAGEMENT: EngagementFormValues = {
  site: '',
  startedOn: '',
  endedOn: '',
  labourContractFrom: '',
  labourContractUntil: '',
  exemption: '',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Periods run forwards and a labour contract that ends has a start: the server checks the same. */
export function checkEngagement(values: EngagementFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.startedOn) errors.startedOn = 'required';
  for (const field of ['startedOn', 'endedOn', 'labourContractFrom', 'labourContractUntil'] as const) {
    if (values[field] && !ISO_DATE.test(values[field])) errors[field] = 'invalid_format';
  }
  if (!errors.endedOn && values.endedOn && values.startedOn && values.endedOn < values.startedOn) errors.endedOn = 'end_before_start';
  if (values.labourContractUntil && !values.labourContractFrom) errors.labourContractFrom = 'required';
  else if (!errors.labourContractUntil && values.labourContractUntil && values.labourContractUntil < values.labourContractFrom) {
    errors.labourContractUntil = 'end_before_start';
  }
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toEngagementInput(values: EngagementFormValues): EngagementInput {
  return {
    site: orNull(values.site),
    startedOn: values.startedOn,
    endedOn: orNull(values.endedOn),
    labourContractFrom: orNull(values.labourContractFrom),
    labourContractUntil: orNull(values.labourContractUntil),
    exemption: EXEMPTIONS.find((exemption) => exemption === values.exemption) ?? null,
  };
}

import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../notify';
import type { Site } from '../business/business';
import { ContractForm } from './ContractForm';
import type { Commissioner, Contract } from './programmes';

interface ContractDialogProps {
  organizationId: string;
  /** The contract corrected, a new one (null), or none while closed (undefined). */
  editing: Contract | null | undefined;
  /** Counts the openings: each starts the form afresh. */
  opening: number;
  commissioners: Commissioner[];
  sites: Site[];
  onClose: () => void;
  onSaved: (contract: Contract) => void;
  onStale: () => void;
  onCommissionerAdded: () => void;
}

/**
 * The contract form in a dialog, wide enough for the indicators' table. Like the app's Dialog: named by its title,
 * its header a div (Mantine's <header> would be announced as a second banner).
 */
export function ContractDialog({ organizationId, editing, opening, commissioners, sites, onClose, onSaved, onStale, onCommissionerAdded }: ContractDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={editing !== undefined} onClose={onClose} size="xl">
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{editing ? t('programmes.contract.editTitle') : t('programmes.contract.add')}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>
          {editing !== undefined && (
            <ContractForm
              key={opening}
              organizationId={organizationId}
              contract={editing ?? undefined}
              commissioners={commissioners}
              sites={sites}
              onCancel={onClose}
              onStale={onStale}
              onCommissionerAdded={(commissioner) => {
                notifySuccess(t('programmes.commissioner.added', { name: commissioner.nameJa }));
                onCommissionerAdded();
              }}
              onSaved={(contract) => {
                notifySuccess(t('programmes.contract.saved', { name: contract.programmeJa }));
                onSaved(contract);
              }}
            />
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

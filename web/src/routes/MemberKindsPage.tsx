import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { BackToMembers } from '../features/members/BackToMembers';
import { DefineMemberKindForm } from '../features/members/DefineMemberKindForm';
import { memberPaths, type MemberKindOption } from '../features/members/member';
import { kindLabel } from '../features/members/member-kind-values';
import { MemberKindList } from '../features/members/MemberKindList';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canEditOrganization, canKeepRegistry } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useLocale } from '../i18n';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

const LIST_HEADING_ID = 'member-kind-list-heading';

/**
 * 組合員の種類: the kinds of membership an organization offers. Registry staff see them; those who may edit the
 * organization (its administrator, the federation administrator) define new ones, as its bylaws provide.
 */
export function MemberKindsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(canKeepRegistry(me) ? organizationPaths.list : null);
  return (
    <>
      <BackToMembers />
      {canKeepRegistry(me) ? (
        <Loaded resource={organizations}>{({ items }) => <MemberKinds organizations={items} />}</Loaded>
      ) : (
        <Forbidden title={t('memberKinds.title')} />
      )}
    </>
  );
}

function MemberKinds({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const chosen = useOrganizationScope(organizations, params.get('organization'));
  const { id: scope, organization } = chosen;
  const kinds = useResource<Items<MemberKindOption>>(scope ? memberPaths.kinds(scope) : null);
  const editable = organization !== undefined && canEditOrganization(me, organization);
  // The form starts afresh each time the dialog opens.
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const close = () => setOpened(false);

  return (
    <>
      <PageHeader
        title={t('memberKinds.title')}
        subtitle={organization ? labels.organizationName(organization) : undefined}
        actions={
          editable &&
          kinds.data && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                setOpenings((n) => n + 1);
                setOpened(true);
              }}
            >
              {t('memberKinds.define')}
            </Button>
          )
        }
      />
      <Stack gap="md" maw={720}>
        <Text>{t('memberKinds.intro')}</Text>
        <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} maw={480} onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })} />
        {scope === null ? (
          <Alert color="gray">{t('workers.chooseOrganization')}</Alert>
        ) : (
          <Paper component="section" aria-labelledby={LIST_HEADING_ID} withBorder p="md">
            <Title order={2} size="h4" id={LIST_HEADING_ID} mb="sm">
              {t('memberKinds.listLabel')}
            </Title>
            <Loaded resource={kinds}>{({ items }) => <MemberKindList kinds={items} labelledBy={LIST_HEADING_ID} />}</Loaded>
            {!editable && (
              <Text size="sm" c="dimmed" mt="sm">
                {t('memberKinds.readOnly')}
              </Text>
            )}
          </Paper>
        )}
      </Stack>
      {scope !== null && kinds.data && (
        <Dialog opened={opened} onClose={close} title={t('memberKinds.define')}>
          <DefineMemberKindForm
            key={openings}
            organizationId={scope}
            existing={kinds.data.items}
            onCancel={close}
            onDefined={(kind) => {
              close();
              notifySuccess(t('memberKinds.defined', { name: kindLabel(kind, labels, locale) }));
              kinds.reload();
            }}
          />
        </Dialog>
      )}
    </>
  );
}

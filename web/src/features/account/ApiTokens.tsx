import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { useResource } from '../../use-resource';
import { tokenPaths, type ApiToken, type IssuedApiToken } from './api-token';
import { ApiTokensTable } from './ApiTokensTable';
import { NewTokenForm } from './NewTokenForm';
import { NewTokenNotice } from './NewTokenNotice';

/** Tokens let scripts use the API as this person, without a browser session. */
export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useResource<Items<ApiToken>>(tokenPaths.list);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);

  return (
    <Stack component="section" aria-labelledby="api-tokens-heading" gap="md">
      <div>
        <Title order={2} size="h4" id="api-tokens-heading">
          {t('tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tokens.intro')}
        </Text>
      </div>
      {issued && <NewTokenNotice token={issued} onDismiss={() => setIssued(null)} />}
      <NewTokenForm
        onCreated={(token) => {
          setIssued(token);
          tokens.reload();
        }}
      />
      <Loaded resource={tokens}>
        {({ items }) => (
          <ApiTokensTable
            tokens={items}
            onRevoked={(id) => {
              // A revoked secret is useless; stop showing it.
              setIssued((current) => (current?.id === id ? null : current));
              tokens.reload();
            }}
          />
        )}
      </Loaded>
    </Stack>
  );
}

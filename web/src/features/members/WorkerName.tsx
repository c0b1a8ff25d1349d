import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { personName, type Worker } from './member';

/** A worker's name: a link to their membership when they are a member on the date, plain text otherwise. */
export function WorkerName({ worker, backTo }: { worker: Worker; backTo: string }) {
  if (!worker.membershipId) {
    return (
      <Text span fw={700} inherit lang="ja">
        {personName(worker)}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/members/${worker.membershipId}`} state={{ backTo }} fw={700} lang="ja">
      {personName(worker)}
    </Anchor>
  );
}

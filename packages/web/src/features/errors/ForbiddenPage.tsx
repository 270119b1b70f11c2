import { Button } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '@openhtm/domain';
import { useSession } from '../../app/auth/session';
import { PageState } from '../../components/PageState';

/** A page the user's role does not open. */
export function ForbiddenPage() {
  const { user } = useSession();
  return (
    <PageState
      icon={<IconLock size={30} stroke={1.5} />}
      color="orange"
      title="You do not have access to this page"
      description={`Your role (${ROLE_LABELS[user.role]}) does not include it. If you need it for your work, ask an administrator.`}
      actions={
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={16} />}>
          Back to the home page
        </Button>
      }
    />
  );
}

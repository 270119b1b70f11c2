import { Button } from '@mantine/core';
import { IconArrowLeft, IconMapSearch } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { PageState } from '../../components/PageState';

interface NotFoundStateProps {
  title: string;
  description: string;
  backTo: string;
  backLabel: string;
}

/** A record or page that does not exist, with the way back. */
export function NotFoundState({ title, description, backTo, backLabel }: NotFoundStateProps) {
  return (
    <PageState
      icon={<IconMapSearch size={30} stroke={1.5} />}
      title={title}
      description={description}
      actions={
        <Button component={Link} to={backTo} leftSection={<IconArrowLeft size={16} />}>
          {backLabel}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <NotFoundState
      title="Page not found"
      description={`There is no page at ${pathname}. It may have moved, or the link is mistyped.`}
      backTo="/"
      backLabel="Back to the home page"
    />
  );
}

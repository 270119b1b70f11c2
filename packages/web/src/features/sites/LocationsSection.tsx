import { Button, Card, EmptyState, Group, Skeleton, Stack, Text, Title, Tree, useTree, getTreeExpandedState, type TreeNodeData } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCan } from '../../app/auth/session';
import { ErrorState } from '../../components/ErrorState';
import { facilityTreeQuery } from './api';
import { SiteNodeModal, type SiteEdit } from './SiteNodeModal';
import { SiteTreeNode } from './SiteTreeNode';
import { ancestorsOf, initiallyExpanded, siteTreeData, type SiteNodeInfo } from './site-tree-data';

/** Trees up to this many buildings open to their departments; larger ones show the buildings only. */
const EXPAND_LIMIT = 20;

/** The locations of a facility (buildings → floors → departments → rooms), for its page; site managers add and rename them. */
export function LocationsSection({ facilityId }: { facilityId: string }) {
  const can = useCan();
  const manage = can('site.manage', { facilityId });
  const { data: tree, error, isPending, refetch } = useQuery(facilityTreeQuery(facilityId));
  const [edit, setEdit] = useState<SiteEdit | null>(null);
  const { data, info } = useMemo(() => (tree ? siteTreeData(tree) : { data: [], info: new Map() }), [tree]);

  const counts = tree && {
    buildings: tree.buildings.length,
    floors: tree.buildings.reduce((n, b) => n + b.floors.length, 0),
    rooms: tree.buildings.reduce((n, b) => n + b.floors.reduce((m, f) => m + f.rooms.length, 0), 0),
    departments: tree.departments.length,
  };

  return (
    <Card>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <div>
          <Title order={2} size="h4" mb={4}>
            Locations
          </Title>
          <Text size="sm" c="dimmed">
            {counts
              ? [plural(counts.buildings, 'building'), plural(counts.floors, 'floor'), plural(counts.departments, 'department'), plural(counts.rooms, 'room')].join(', ')
              : 'Buildings, floors, departments and rooms where devices are kept.'}
          </Text>
        </div>
        {manage && tree && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ mode: 'create', kind: 'department', facilityId })}>
              Department
            </Button>
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ mode: 'create', kind: 'building', facilityId })}>
              Building
            </Button>
          </Group>
        )}
      </Group>
      {isPending ? (
        <Stack gap="xs" aria-busy aria-label="Loading locations">
          {[70, 55, 62, 40].map((width, index) => (
            <Skeleton key={index} height={18} width={`${width}%`} ml={(index % 3) * 24} />
          ))}
        </Stack>
      ) : error ? (
        <ErrorState error={error} title="The locations could not be loaded" onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState icon={<IconBuilding size={24} stroke={1.6} />} withIndicatorBackground title="No locations yet" description="Add the buildings of this facility, then their floors, departments and rooms." py="lg">
          {manage && (
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEdit({ mode: 'create', kind: 'building', facilityId })}>
                Add a building
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <SiteTree
          data={data}
          info={info}
          label={`Locations of ${tree.facility.name}`}
          renderNode={(payload) => <SiteTreeNode payload={payload} info={info.get(payload.node.value)} manage={manage} facilityId={facilityId} onEdit={setEdit} />}
        />
      )}
      {tree && <SiteNodeModal edit={edit} tree={tree} onClose={() => setEdit(null)} />}
    </Card>
  );
}

/**
 * The tree itself, mounted once the data is there so that it opens to the departments (only the buildings when
 * there are many). A node added later is shown opened up to it.
 */
function SiteTree({ data, info, label, renderNode }: { data: TreeNodeData[]; info: ReadonlyMap<string, SiteNodeInfo>; label: string; renderNode: NonNullable<Parameters<typeof Tree>[0]['renderNode']> }) {
  const controller = useTree({ initialExpandedState: getTreeExpandedState(data, data.length <= EXPAND_LIMIT ? initiallyExpanded(info) : []) });
  const known = useRef(new Set(info.keys()));
  useEffect(() => {
    for (const [value, node] of info) {
      if (known.current.has(value)) continue;
      known.current.add(value);
      for (const ancestor of ancestorsOf(info, value)) controller.expand(ancestor);
      if (node.kind === 'building' || node.kind === 'floor') controller.expand(value);
    }
  }, [info, controller]);
  return <Tree data={data} tree={controller} levelOffset={22} withLines aria-label={label} renderNode={renderNode} />;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

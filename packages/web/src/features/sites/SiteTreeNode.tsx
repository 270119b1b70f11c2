import { ActionIcon, Badge, Group, Menu, Text, type RenderTreeNodePayload } from '@mantine/core';
import { IconBuilding, IconChevronRight, IconDoor, IconDots, IconFolder, IconPencil, IconPlus, IconStack2, IconUsersGroup } from '@tabler/icons-react';
import type { SiteEdit } from './SiteNodeModal';
import type { SiteNodeInfo } from './site-tree-data';

const ICONS = { building: IconBuilding, floor: IconStack2, department: IconUsersGroup, room: IconDoor, group: IconFolder };

interface SiteTreeNodeProps {
  payload: RenderTreeNodePayload;
  info: SiteNodeInfo | undefined;
  manage: boolean;
  facilityId: string;
  onEdit: (edit: SiteEdit) => void;
}

/** One row of the locations tree: what it is, its name, and what a site manager can add under it. */
export function SiteTreeNode({ payload, info, manage, facilityId, onEdit }: SiteTreeNodeProps) {
  const { node, expanded, hasChildren, elementProps } = payload;
  const Icon = info ? ICONS[info.kind] : IconFolder;
  const adds: Array<{ label: string; edit: SiteEdit }> = [];
  if (info?.kind === 'building') adds.push({ label: 'Add a floor', edit: { mode: 'create', kind: 'floor', facilityId, buildingId: info.id } });
  if (info?.kind === 'floor') {
    adds.push({ label: 'Add a department on this floor', edit: { mode: 'create', kind: 'department', facilityId, floorId: info.id } });
    adds.push({ label: 'Add a room', edit: { mode: 'create', kind: 'room', facilityId, floorId: info.id } });
  }
  if (info?.kind === 'department') {
    adds.push({ label: 'Add a room', edit: { mode: 'create', kind: 'room', facilityId, floorId: info.floorId ?? null, departmentId: info.id } });
  }
  const editable = info && info.kind !== 'group';

  return (
    <Group gap={6} wrap="nowrap" {...elementProps} style={{ ...elementProps.style, paddingBlock: 3 }}>
      <IconChevronRight
        size={14}
        style={{ visibility: hasChildren ? 'visible' : 'hidden', transform: expanded ? 'rotate(90deg)' : undefined, transition: 'transform 120ms', flexShrink: 0 }}
      />
      <Icon size={16} stroke={1.6} style={{ flexShrink: 0, opacity: 0.75 }} />
      <Text size="sm" fw={info?.kind === 'building' ? 600 : undefined} truncate>
        {node.label}
      </Text>
      {info?.note && (
        <Badge size="xs" variant="light" color={info.kind === 'room' ? 'grape' : 'gray'} style={{ flexShrink: 0 }}>
          {info.note}
        </Badge>
      )}
      {info?.rooms !== undefined && info.rooms > 0 && !expanded && (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {info.rooms} {info.rooms === 1 ? 'room' : 'rooms'}
        </Text>
      )}
      {manage && editable && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              ml="auto"
              aria-label={`Actions for ${info.kind} ${info.name}`}
              onClick={(event) => event.stopPropagation()}
            >
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit({ mode: 'edit', kind: info.kind as SiteEdit['kind'], id: info.id })}>
              Rename or change
            </Menu.Item>
            {adds.map((add) => (
              <Menu.Item key={add.label} leftSection={<IconPlus size={14} />} onClick={() => onEdit(add.edit)}>
                {add.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

import type { TreeNodeData } from '@mantine/core';
import type { FacilityTree, SiteKind } from './api';

/** What a node of the locations tree stands for; `group` nodes only hold others. */
export interface SiteNodeInfo {
  kind: SiteKind | 'group';
  id: string;
  name: string;
  /** The floor a new room or department under this node goes on. */
  floorId?: string;
  departmentId?: string;
  buildingId?: string;
  /** A department shown beside a room that belongs to a department elsewhere, or a department's cost center. */
  note?: string;
  /** Rooms under the node, shown while it is collapsed. */
  rooms?: number;
  /** The value of the node above, if any. */
  parent?: string;
}

export const nodeValue = (kind: SiteNodeInfo['kind'], id: string) => `${kind}:${id}`;

/**
 * The facility as a tree of buildings → floors → departments → rooms. A floor lists the departments on it with
 * their rooms there, then its other rooms; departments not on any floor are listed after the buildings.
 */
export function siteTreeData(tree: FacilityTree): { data: TreeNodeData[]; info: Map<string, SiteNodeInfo> } {
  const info = new Map<string, SiteNodeInfo>();
  const departmentsById = new Map(tree.departments.map((d) => [d.id, d]));
  const add = (node: SiteNodeInfo, children?: TreeNodeData[]): TreeNodeData => {
    const value = nodeValue(node.kind, node.id);
    info.set(value, node);
    for (const child of children ?? []) info.get(child.value)!.parent = value;
    return { value, label: node.name, children: children && children.length > 0 ? children : undefined };
  };

  const data = tree.buildings.map((building) =>
    add(
      { kind: 'building', id: building.id, name: building.name },
      building.floors.map((floor) => {
        const departments = tree.departments.filter((d) => d.floorId === floor.id);
        const placed = new Set(departments.map((d) => d.id));
        const departmentNodes = departments.map((department) =>
          add(
            {
              kind: 'department',
              id: department.id,
              name: department.name,
              floorId: floor.id,
              note: department.costCenter ?? undefined,
              rooms: floor.rooms.filter((room) => room.departmentId === department.id).length,
            },
            floor.rooms
              .filter((room) => room.departmentId === department.id)
              .map((room) => add({ kind: 'room', id: room.id, name: room.name, floorId: floor.id, departmentId: department.id })),
          ),
        );
        const otherRooms = floor.rooms
          .filter((room) => !room.departmentId || !placed.has(room.departmentId))
          .map((room) =>
            add({ kind: 'room', id: room.id, name: room.name, floorId: floor.id, departmentId: room.departmentId ?? undefined, note: room.departmentId ? departmentsById.get(room.departmentId)?.name : undefined }),
          );
        return add({ kind: 'floor', id: floor.id, name: floor.name, buildingId: building.id, floorId: floor.id, rooms: floor.rooms.length }, [...departmentNodes, ...otherRooms]);
      }),
    ),
  );
  const unplaced = tree.departments.filter((d) => !d.floorId);
  if (unplaced.length > 0) {
    data.push(
      add(
        { kind: 'group', id: 'departments', name: 'Departments not on a floor' },
        unplaced.map((d) => add({ kind: 'department', id: d.id, name: d.name, note: d.costCenter ?? undefined })),
      ),
    );
  }
  return { data, info };
}

/** The nodes open at first: buildings and floors (and the group of departments without a floor), not departments. */
export function initiallyExpanded(info: ReadonlyMap<string, SiteNodeInfo>): string[] {
  return [...info.entries()].filter(([, node]) => node.kind === 'building' || node.kind === 'floor' || node.kind === 'group').map(([value]) => value);
}

/** The values of a node's ancestors, nearest first. */
export function ancestorsOf(info: ReadonlyMap<string, SiteNodeInfo>, value: string): string[] {
  const result: string[] = [];
  for (let parent = info.get(value)?.parent; parent; parent = info.get(parent)?.parent) result.push(parent);
  return result;
}

import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { IdParams } from '../users/schema.ts';
import { createBuilding, deleteBuilding, getBuilding, listBuildings, renameBuilding } from './buildings.ts';
import { createDepartment, deleteDepartment, getDepartment, listDepartments, updateDepartment } from './departments.ts';
import { createFloor, deleteFloor, getFloor, listFloors, renameFloor } from './floors.ts';
import { presentBuilding, presentDepartment, presentFloor, presentRoom } from './presenter.ts';
import { createRoom, deleteRoom, getRoom, listRooms, updateRoom } from './rooms.ts';
import {
  BuildingCreate, BuildingListQuery, BuildingOut, BuildingUpdate,
  DepartmentCreate, DepartmentListQuery, DepartmentOut, DepartmentUpdate,
  FacilityTreeOut,
  FloorCreate, FloorListQuery, FloorOut, FloorUpdate,
  RoomCreate, RoomListQuery, RoomOut, RoomUpdate,
} from './schema.ts';
import { facilityTree } from './tree.ts';

const tags = ['sites'];
const read = { action: 'inventory.read' } as const;
const manage = { action: 'site.manage' } as const;
const NoContent = { 204: Type.Null() };
const SCOPE = 'A user limited to some facilities sees and changes only their sites; others answer 404.';

export const siteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/facilities/:id/tree',
    { config: read, schema: { tags, summary: "A facility's buildings, floors, rooms and departments (for location pickers)", params: IdParams, response: { 200: FacilityTreeOut } } },
    async (request) => tx(request, (trx) => facilityTree(trx, authOf(request), request.params.id)),
  );

  // Buildings
  app.get('/buildings', { config: read, schema: { tags, summary: 'List buildings', description: SCOPE, querystring: BuildingListQuery, response: { 200: pageOf(BuildingOut) } } }, async (request) => {
    const page = await tx(request, (trx) => listBuildings(trx, authOf(request), request.query));
    return { items: page.items.map(presentBuilding), nextCursor: page.nextCursor };
  });
  app.get('/buildings/:id', { config: read, schema: { tags, summary: 'One building', params: IdParams, response: { 200: BuildingOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => getBuilding(trx, authOf(request), request.params.id));
    setEtag(reply, row.version);
    return presentBuilding(row);
  });
  app.post('/buildings', { config: manage, schema: { tags, summary: 'Add a building to a facility', body: BuildingCreate, response: { 201: BuildingOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => createBuilding(trx, authOf(request), request.body));
    setEtag(reply, row.version);
    return reply.status(201).send(presentBuilding(row));
  });
  app.patch('/buildings/:id', { config: manage, schema: { tags, summary: 'Rename a building (If-Match required)', params: IdParams, body: BuildingUpdate, response: { 200: BuildingOut } } }, async (request, reply) => {
    const version = expectedVersion(request);
    const row = await tx(request, (trx) => renameBuilding(trx, authOf(request), request.params.id, version, request.body.name));
    setEtag(reply, row.version);
    return presentBuilding(row);
  });
  app.delete('/buildings/:id', { config: manage, schema: { tags, summary: 'Delete an empty building (If-Match required)', params: IdParams, response: NoContent } }, async (request, reply) => {
    const version = expectedVersion(request);
    await tx(request, (trx) => deleteBuilding(trx, authOf(request), request.params.id, version));
    return reply.status(204).send(null);
  });

  // Floors
  app.get('/floors', { config: read, schema: { tags, summary: 'List floors', description: SCOPE, querystring: FloorListQuery, response: { 200: pageOf(FloorOut) } } }, async (request) => {
    const page = await tx(request, (trx) => listFloors(trx, authOf(request), request.query));
    return { items: page.items.map(presentFloor), nextCursor: page.nextCursor };
  });
  app.get('/floors/:id', { config: read, schema: { tags, summary: 'One floor', params: IdParams, response: { 200: FloorOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => getFloor(trx, authOf(request), request.params.id));
    setEtag(reply, row.version);
    return presentFloor(row);
  });
  app.post('/floors', { config: manage, schema: { tags, summary: 'Add a floor to a building', body: FloorCreate, response: { 201: FloorOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => createFloor(trx, authOf(request), request.body));
    setEtag(reply, row.version);
    return reply.status(201).send(presentFloor(row));
  });
  app.patch('/floors/:id', { config: manage, schema: { tags, summary: 'Rename a floor (If-Match required)', params: IdParams, body: FloorUpdate, response: { 200: FloorOut } } }, async (request, reply) => {
    const version = expectedVersion(request);
    const row = await tx(request, (trx) => renameFloor(trx, authOf(request), request.params.id, version, request.body.name));
    setEtag(reply, row.version);
    return presentFloor(row);
  });
  app.delete('/floors/:id', { config: manage, schema: { tags, summary: 'Delete an empty floor (If-Match required)', params: IdParams, response: NoContent } }, async (request, reply) => {
    const version = expectedVersion(request);
    await tx(request, (trx) => deleteFloor(trx, authOf(request), request.params.id, version));
    return reply.status(204).send(null);
  });

  // Departments
  app.get('/departments', { config: read, schema: { tags, summary: 'List departments', description: SCOPE, querystring: DepartmentListQuery, response: { 200: pageOf(DepartmentOut) } } }, async (request) => {
    const page = await tx(request, (trx) => listDepartments(trx, authOf(request), request.query));
    return { items: page.items.map(presentDepartment), nextCursor: page.nextCursor };
  });
  app.get('/departments/:id', { config: read, schema: { tags, summary: 'One department', params: IdParams, response: { 200: DepartmentOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => getDepartment(trx, authOf(request), request.params.id));
    setEtag(reply, row.version);
    return presentDepartment(row);
  });
  app.post(
    '/departments',
    { config: manage, schema: { tags, summary: 'Add a department to a facility (optionally on a floor, with a cost center)', body: DepartmentCreate, response: { 201: DepartmentOut } } },
    async (request, reply) => {
      const row = await tx(request, (trx) => createDepartment(trx, authOf(request), request.body));
      setEtag(reply, row.version);
      return reply.status(201).send(presentDepartment(row));
    },
  );
  app.patch(
    '/departments/:id',
    { config: manage, schema: { tags, summary: 'Change a department (If-Match required)', params: IdParams, body: DepartmentUpdate, response: { 200: DepartmentOut } } },
    async (request, reply) => {
      const version = expectedVersion(request);
      const row = await tx(request, (trx) => updateDepartment(trx, authOf(request), request.params.id, version, request.body));
      setEtag(reply, row.version);
      return presentDepartment(row);
    },
  );
  app.delete('/departments/:id', { config: manage, schema: { tags, summary: 'Delete a department without rooms or devices (If-Match required)', params: IdParams, response: NoContent } }, async (request, reply) => {
    const version = expectedVersion(request);
    await tx(request, (trx) => deleteDepartment(trx, authOf(request), request.params.id, version));
    return reply.status(204).send(null);
  });

  // Rooms
  app.get('/rooms', { config: read, schema: { tags, summary: 'List rooms', description: SCOPE, querystring: RoomListQuery, response: { 200: pageOf(RoomOut) } } }, async (request) => {
    const page = await tx(request, (trx) => listRooms(trx, authOf(request), request.query));
    return { items: page.items.map(presentRoom), nextCursor: page.nextCursor };
  });
  app.get('/rooms/:id', { config: read, schema: { tags, summary: 'One room', params: IdParams, response: { 200: RoomOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => getRoom(trx, authOf(request), request.params.id));
    setEtag(reply, row.version);
    return presentRoom(row);
  });
  app.post('/rooms', { config: manage, schema: { tags, summary: 'Add a room to a floor (optionally of a department)', body: RoomCreate, response: { 201: RoomOut } } }, async (request, reply) => {
    const row = await tx(request, (trx) => createRoom(trx, authOf(request), request.body));
    setEtag(reply, row.version);
    return reply.status(201).send(presentRoom(row));
  });
  app.patch('/rooms/:id', { config: manage, schema: { tags, summary: 'Change a room (If-Match required)', params: IdParams, body: RoomUpdate, response: { 200: RoomOut } } }, async (request, reply) => {
    const version = expectedVersion(request);
    const row = await tx(request, (trx) => updateRoom(trx, authOf(request), request.params.id, version, request.body));
    setEtag(reply, row.version);
    return presentRoom(row);
  });
  app.delete('/rooms/:id', { config: manage, schema: { tags, summary: 'Delete a room without devices (If-Match required)', params: IdParams, response: NoContent } }, async (request, reply) => {
    const version = expectedVersion(request);
    await tx(request, (trx) => deleteRoom(trx, authOf(request), request.params.id, version));
    return reply.status(204).send(null);
  });
};

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant-context.ts';
import { JOBS } from '../../src/jobs/catalog.ts';
import { defineJob } from '../../src/jobs/define.ts';
import { startJobRunner, type JobRunner } from '../../src/jobs/runner.ts';
import { createTenantFixture, createTestApp, login, type Session, type TenantFixture, type TestApp } from '../helpers/app.ts';
import { expectProblem } from '../helpers/http.ts';

const PURGE = 'sessions.purge-expired';
const FAILING = 'test.always-fails';

/** Test data: a job that always fails, to see failure and retry through the real queue. */
const failingJob = defineJob<{ tenantId?: string }>({
  name: FAILING,
  description: 'Fails on purpose',
  retryLimit: 0,
  async handler() {
    throw new Error('the infusion pump caught fire');
  },
});

interface JobOut {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  output: unknown;
}

let t: TestApp;
let runner: JobRunner;
let a: TenantFixture;
let b: TenantFixture;
let admin: Session;
let bAdmin: Session;

const listJobs = async (session: Session, query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/jobs?limit=200${query}`, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as JobOut[];
};

/** Polls the jobs list (as the admin of tenant A) until the job reaches a state that passes `done`. */
async function waitForJob(id: string, done: (job: JobOut) => boolean, session = admin): Promise<JobOut> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const job = (await listJobs(session)).find((j) => j.id === id);
    if (job && done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job?.state ?? 'not listed'}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A session row that expired an hour ago. */
async function insertExpiredSession(tenant: TenantFixture): Promise<string> {
  return withTenant(t.db.app, { tenantId: tenant.id }, async (trx) => {
    const row = await trx
      .insertInto('sessions')
      .values({ tenant_id: tenant.id, user_id: tenant.users.technician.id, token_hash: randomBytes(32).toString('hex'), csrf_token: 'x', expires_at: sql<Date>`now() - interval '1 hour'` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

const sessionExists = async (id: string) => (await t.db.owner.selectFrom('sessions').select('id').where('id', '=', id).execute()).length === 1;

beforeAll(async () => {
  t = await createTestApp({
    jobs: async (db, config) => {
      // The real jobs without their cron schedules: a scheduled purge of every tenant mid-test would race the assertions.
      const definitions = [...JOBS.map((job) => ({ ...job, schedule: undefined })), failingJob];
      return (runner = await startJobRunner({ db, config, log: pino({ level: 'silent' }), definitions }));
    },
  });
  a = await createTenantFixture(t, 'alpha');
  b = await createTenantFixture(t, 'beta');
  admin = await login(t, a.users.admin.email);
  bAdmin = await login(t, b.users.admin.email);
});
afterAll(() => t.close());

// Workers poll the queue every couple of seconds; a loaded machine needs more than the default 30 s.
describe('jobs', { timeout: 60_000 }, () => {
  it("runs a manual job on demand for the admin's tenant and shows it completed", async () => {
    const [expiredA, expiredB] = [await insertExpiredSession(a), await insertExpiredSession(b)];
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${PURGE}/run`, headers: admin.headers });
    expect(run.statusCode).toBe(202);
    const job = await waitForJob(run.json().id, (j) => ['completed', 'failed'].includes(j.state));
    expect(job).toMatchObject({ queue: PURGE, state: 'completed', output: { deleted: 1, tenants: 1 } });
    expect(await sessionExists(expiredA)).toBe(false);
    expect(await sessionExists(expiredB)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: admin.headers })).statusCode).toBe(200);

    const queues = (await t.app.inject({ method: 'GET', url: '/api/v1/jobs/queues', headers: admin.headers })).json().items;
    expect(queues.map((q: { name: string }) => q.name)).toEqual([PURGE, FAILING]);
    expect(queues[0]).toMatchObject({ manual: true, counts: { completed: 1 } });
  });

  it('shows a failing job as failed with its error, and runs it again on retry', async () => {
    const id = await runner.send(FAILING, { tenantId: a.id });
    const failed = await waitForJob(id, (j) => j.state === 'failed');
    expect(JSON.stringify(failed.output)).toContain('the infusion pump caught fire');
    expect(failed.retryCount).toBe(0);

    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${FAILING}/${id}/retry`, headers: admin.headers });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ id });
    const again = await waitForJob(id, (j) => j.state === 'failed' && j.retryCount === 1);
    expect(JSON.stringify(again.output)).toContain('the infusion pump caught fire');
  });

  it('refuses to retry a job that did not fail, to run one that is not manual, and an unknown queue', async () => {
    const completed = (await listJobs(admin, `&queue=${PURGE}&state=completed`))[0]!;
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${PURGE}/${completed.id}/retry`, headers: admin.headers }), 422, 'unprocessable');
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${FAILING}/run`, headers: admin.headers }), 422, 'unprocessable');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/jobs/no.such-job/run', headers: admin.headers }), 404, 'not_found');
  });

  it('lets only admins run or retry jobs, and only job readers list them', async () => {
    const failed = (await listJobs(admin, `&queue=${FAILING}&state=failed`))[0]!;
    const queued = async () => (await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(t.db.owner)).rows[0]!.n;
    const before = await queued();
    for (const role of ['htm_manager', 'auditor', 'clinician'] as const) {
      const session = await login(t, a.users[role].email);
      expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${PURGE}/run`, headers: session.headers }), 403, 'forbidden');
      expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${FAILING}/${failed.id}/retry`, headers: session.headers }), 403, 'forbidden');
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: session.headers });
      expect(list.statusCode).toBe(role === 'clinician' ? 403 : 200);
    }
    expect(await queued()).toBe(before);
    expect((await listJobs(admin, `&queue=${FAILING}`)).find((j) => j.id === failed.id)?.state).toBe('failed');
  });

  it("does not list another tenant's jobs, nor let them be retried", async () => {
    const bRun = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${PURGE}/run`, headers: bAdmin.headers });
    expect(bRun.statusCode).toBe(202);
    await waitForJob(bRun.json().id, (j) => j.state === 'completed', bAdmin);
    const bFailing = await runner.send(FAILING, { tenantId: b.id });
    await waitForJob(bFailing, (j) => j.state === 'failed', bAdmin);

    const seenByA = (await listJobs(admin)).map((j) => j.id);
    expect(seenByA).not.toContain(bRun.json().id);
    expect(seenByA).not.toContain(bFailing);
    const seenByB = (await listJobs(bAdmin)).map((j) => j.id);
    expect(seenByB).toEqual(expect.arrayContaining([bRun.json().id, bFailing]));
    expect(seenByB.filter((id) => seenByA.includes(id))).toEqual([]);
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${FAILING}/${bFailing}/retry`, headers: admin.headers }), 404, 'not_found');
  });

  it('answers 503 where no job queue runs', async () => {
    const plain = await createTestApp();
    try {
      const tenant = await createTenantFixture(plain, 'gamma');
      const session = await login(plain, tenant.users.admin.email);
      expectProblem(await plain.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: session.headers }), 503, 'unavailable');
    } finally {
      await plain.close();
    }
  });
});

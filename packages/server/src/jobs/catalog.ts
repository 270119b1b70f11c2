import { sessionPurgeJob } from '../modules/auth/jobs.ts';
import type { JobDefinition } from './define.ts';

/** Every background job of the application; modules add theirs here. */
export const JOBS: readonly JobDefinition<object>[] = [sessionPurgeJob as JobDefinition<object>];

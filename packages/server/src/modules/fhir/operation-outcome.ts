import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../http/errors.ts';
import { toAppError } from '../../http/problem.ts';
import { FHIR_JSON } from './systems.ts';

/** FHIR issue types (http://hl7.org/fhir/issue-type) for the API's error codes. */
const ISSUE_CODE: Record<ErrorCode, string> = {
  validation: 'invalid',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  not_found: 'not-found',
  method_not_allowed: 'not-supported',
  conflict: 'conflict',
  precondition_failed: 'conflict',
  payload_too_large: 'too-long',
  unsupported_media_type: 'not-supported',
  unprocessable: 'processing',
  precondition_required: 'required',
  rate_limited: 'throttled',
  internal: 'exception',
  unavailable: 'transient',
};

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: { severity: 'fatal' | 'error' | 'warning' | 'information'; code: string; diagnostics: string }[];
}

/**
 * Within the FHIR plugin every failure, authentication and authorization included (they are raised by the
 * onRequest hook, before the route), answers an OperationOutcome instead of a problem document.
 */
export function registerOperationOutcomes(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toAppError(error);
    if (problem.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    // Each offending request field is an issue of its own; otherwise the error is the one issue.
    const issues = problem.fields.length
      ? problem.fields.map((f) => ({ severity: 'error' as const, code: 'invalid', diagnostics: `${f.path.replace(/^\/querystring\//, '')}: ${f.message}` }))
      : [{ severity: 'error' as const, code: ISSUE_CODE[problem.code], diagnostics: problem.message }];
    const outcome: OperationOutcome = { resourceType: 'OperationOutcome', issue: issues };
    return reply.status(problem.status).type(FHIR_JSON).send(outcome);
  });
}

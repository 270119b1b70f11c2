import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, ERROR_TITLES, type ErrorCode, type FieldProblem } from './errors.ts';

/** Renders an RFC 9457 problem document. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body: Record<string, unknown> = {
    type: `https://openhtm.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: ERROR_TITLES[error.code],
    status: error.status,
    detail: error.message,
    instance: request.url,
    code: error.code,
    requestId: request.id,
    ...error.extensions,
  };
  if (error.fields.length > 0) body.errors = error.fields;
  return reply.status(error.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldsFromValidation(error: FastifyError): FieldProblem[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const issues = (error.validation ?? []) as AjvError[];
  return issues.map((issue) => {
    let path = `/${context}${issue.instancePath}`;
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      path += `/${issue.params.missingProperty}`;
    }
    if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      path += `/${issue.params.additionalProperty}`;
      return { path, message: 'is not a known field' };
    }
    return { path, message: issue.message ?? 'is not valid' };
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'rate_limited',
};

/** Maps anything thrown by a route to a problem document; unknown errors become a logged 500 without detail. */
export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return new AppError('validation', 'Some fields are not valid', { fields: fieldsFromValidation(fastifyError) });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, fastifyError.message);
  if (fastifyError.statusCode === 429) return new AppError('rate_limited', fastifyError.message);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = (Object.entries(ERROR_STATUS).find(([, status]) => status === fastifyError.statusCode)?.[0] ??
      'validation') as ErrorCode;
    return new AppError(code, fastifyError.message);
  }
  return new AppError('internal', 'Something went wrong on our side; the request id identifies it in the log');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toAppError(error);
    if (problem.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: problem.code, detail: problem.message }, 'request refused');
    return sendProblem(request, reply, problem);
  });
}

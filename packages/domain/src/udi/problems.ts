import type { UdiProblem, UdiProblemCode } from './types.ts';

interface ProblemDetail {
  key?: string;
  position?: number;
}

export function error(code: UdiProblemCode, message: string, detail: ProblemDetail = {}): UdiProblem {
  return { code, severity: 'error', message, ...detail };
}

export function warning(code: UdiProblemCode, message: string, detail: ProblemDetail = {}): UdiProblem {
  return { code, severity: 'warning', message, ...detail };
}

export function hasErrors(problems: readonly UdiProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

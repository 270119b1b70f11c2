import { DEFAULT_RISK_POLICY, isValidRiskPolicy, validateRiskPolicy, type RiskPolicy } from '@openhtm/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, invalid } from '../../http/errors.ts';

export interface RiskPolicySetting {
  policy: RiskPolicy;
  isDefault: boolean;
  /** 0 while the tenant has no settings row. */
  version: number;
}

/** The tenant's risk policy: its own once set (and valid), the Fennigkoh–Smith default otherwise. */
export async function riskPolicyOf(trx: Trx): Promise<RiskPolicySetting> {
  const row = await trx.selectFrom('tenant_settings').select(['risk_policy', 'version']).executeTakeFirst();
  const stored = row?.risk_policy;
  if (stored && isValidRiskPolicy(stored)) return { policy: stored, isDefault: false, version: row.version };
  return { policy: DEFAULT_RISK_POLICY, isDefault: true, version: row?.version ?? 0 };
}

/** Domain paths (`points.function.life_support`) become request pointers (`/body/points/function/life_support`). */
function bodyPointer(path: string): string {
  return path === '' ? '/body' : `/body/${path.split('.').join('/')}`;
}

/**
 * Stores the tenant's risk policy (null restores the default) if the caller read the current version.
 * The policy is checked by the domain's validateRiskPolicy; each problem names its field.
 */
export async function saveRiskPolicy(trx: Trx, tenantId: string, expectedVersion: number, policy: RiskPolicy | null): Promise<RiskPolicySetting> {
  if (policy !== null) {
    const problems = validateRiskPolicy(policy);
    if (problems.length > 0) throw invalid(problems.map((p) => ({ path: bodyPointer(p.path), message: p.message })), 'The risk policy is not usable');
  }
  const current = await trx.selectFrom('tenant_settings').select('version').forUpdate().executeTakeFirst();
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== expectedVersion) {
    throw new AppError('precondition_failed', `The risk policy was changed by someone else (now version ${currentVersion})`, {
      extensions: { currentVersion },
    });
  }
  const value = policy === null ? null : JSON.stringify(policy);
  if (current) {
    await trx
      .updateTable('tenant_settings')
      .set({ risk_policy: value, version: sql`version + 1`, updated_at: sql`now()` })
      .where('version', '=', expectedVersion)
      .execute();
  } else {
    await trx.insertInto('tenant_settings').values({ tenant_id: tenantId, risk_policy: value }).execute();
  }
  return riskPolicyOf(trx);
}

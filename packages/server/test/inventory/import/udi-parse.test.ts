import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, createTestApp, login, type Session, type TestApp } from '../../helpers/app.ts';
import { expectProblem } from '../../helpers/http.ts';

let t: TestApp;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTenantFixture(t, 'scan');
  auditor = await login(t, tenant.users.auditor.email);
});
afterAll(() => t.close());

const parse = (text: unknown, session = auditor) => t.app.inject({ method: 'POST', url: '/api/v1/udi/parse', headers: session.headers, payload: { text } });

describe('POST /api/v1/udi/parse', () => {
  it('returns the fields of a GS1 element string and its human-readable form, for any reader of the inventory', async () => {
    const response = await parse(']d2010084458800328817141120\u001d10LOT1\u001d21SER9');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      issuer: 'GS1',
      format: 'gs1-element-string',
      symbology: 'd2',
      deviceIdentifier: '00844588003288',
      expiryDate: '2014-11-20',
      lot: 'LOT1',
      serial: 'SER9',
      valid: true,
      problems: [],
      gs1HumanReadable: '(01)00844588003288(17)141120(10)LOT1(21)SER9',
      scan: { kind: 'udi' },
    });
  });

  it('reports a wrong check character and says when the text is an asset tag instead', async () => {
    const hibcc = (await parse('+H123PARTNO1234567890120/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202C')).json();
    expect(hibcc).toMatchObject({ issuer: 'HIBCC', valid: false, problems: [{ code: 'check_character', severity: 'error' }], gs1HumanReadable: null });
    const tag = (await parse('BM-000123')).json();
    expect(tag).toMatchObject({ issuer: 'unknown', valid: false, scan: { kind: 'asset_tag', assetTag: 'BM-000123' } });
  });

  it('refuses an empty body field', async () => {
    expectProblem(await parse(''), 400, 'validation');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

function upload(fields: Record<string, string>, file?: { name: string; content: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new File([file.content], file.name, { type: 'text/csv' }));
  return form;
}

describe.each(testEngines())('uploads through the API on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'empty');
    api = createTestApp(handle);
  });
  afterAll(() => handle?.close());
  const post = (form: FormData) => api.request('/api/imports', { method: 'POST', body: form });

  test('a valid file is imported and listed among the import runs', async () => {
    const response = await post(
      upload(
        { kind: 'regions', year: '2024' },
        { name: 'regio.csv', content: 'Key,Title\nGM0392,Haarlem\nWK039201,Centrum\n' },
      ),
    );
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      status: string;
      areasCreated: number;
      runId: number;
    };
    expect(summary).toMatchObject({ status: 'imported', areasCreated: 3 });
    const runs = await api.json<{
      importRuns: Array<{ id: number; kind: string; fileName: string; status: string }>;
    }>('/api/import-runs');
    expect(runs.body.importRuns[0]).toMatchObject({
      id: summary.runId,
      kind: 'regions',
      fileName: 'regio.csv',
      status: 'succeeded',
    });
  });

  test('an invalid file gives 422 with every problem located, and a failed run', async () => {
    const response = await post(
      upload(
        { kind: 'regions', year: '2024' },
        { name: '../../etc/kapot.csv', content: 'Key,Title\nXX01,Nergens\nGM0392,\n' },
      ),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { issues: Array<{ text: string }> } };
    };
    expect(body.error.code).toBe('import_invalid');
    expect(body.error.details.issues.map((i) => i.text)).toEqual([
      `kapot.csv, line 2, column 'key': "XX01" has no known level prefix (expected NL00, GM + 4 digits, WK + 6 or BU + 8 characters)`,
      `kapot.csv, line 3, column 'title': no name for GM0392 (expected the region name)`,
    ]);
    const runs = await api.json<{ importRuns: Array<{ status: string; fileName: string }> }>(
      '/api/import-runs',
    );
    expect(runs.body.importRuns[0]).toMatchObject({ status: 'failed', fileName: 'kapot.csv' });
  });

  test.each([
    [{ kind: 'regions' }, undefined, 'file'],
    [{ kind: 'zip' }, { name: 'a.csv', content: 'x' }, 'kind'],
    [{ kind: 'table' }, { name: 'a.csv', content: 'code;x\nGM0392;1\n' }, 'mapping'],
    [
      { kind: 'table', mapping: '{not json' },
      { name: 'a.csv', content: 'code;x\nGM0392;1\n' },
      'mapping',
    ],
    [
      { kind: 'regions', year: 'dit jaar' },
      { name: 'a.csv', content: 'Key,Title\nGM0392,Haarlem\n' },
      'year',
    ],
  ])('%j is refused with 400 naming %s', async (fields, file, field) => {
    const response = await post(upload(fields as Record<string, string>, file));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message.startsWith(field)).toBe(true);
  });

  test('other endpoints keep the 1 MB body limit', async () => {
    const response = await api.request('/api/health', {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    const anonymous = await api.anonymous.request('/api/imports', {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(anonymous.status).toBe(401);
  });
});

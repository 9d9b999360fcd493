import { useState, type FormEvent } from 'react';
import { apiFetch } from '../api-client.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';

export const KINDS = [
  'regions',
  'boundaries',
  'leefbaarometer',
  'kwb',
  'statline',
  'table',
] as const;
type Kind = (typeof KINDS)[number];

export interface ImportResult {
  ok: boolean;
  summary?: {
    status: 'imported' | 'dry_run' | 'unchanged';
    file: string;
    kind: string;
    release: string | null;
    boundaryYear: number;
    rowsRead: number;
    areasCreated: number;
    areasUpdated: number;
    valuesWritten: number;
    valuesByStatus: Record<string, number>;
    codesNotMatchedCount: number;
    codesNotMatched: string[];
    seriesReplaced: number;
    indicatorsCreated: string[];
    messages: Array<{ level: string; text: string }>;
    seconds: number;
  };
  error?: { code: string; message: string; issues: string[] };
}

const MAPPING_EXAMPLE = `{
  "code": "bu_code",
  "year": 2024,
  "columns": { "aantal_inwoners": "a_inw" }
}`;

/** The upload form for the same imports as the CLI; the server validates the whole file first. */
export function ImportForm({ onDone }: { onDone(result: ImportResult): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('regions');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    for (const [key, value] of [...form.entries()]) if (value === '') form.delete(key);
    setBusy(true);
    try {
      // apiFetch adds the session's CSRF token, as for every change.
      const response = await apiFetch('/api/imports', { method: 'POST', body: form });
      const body = (await response.json()) as {
        error?: { code: string; message: string; details?: { issues?: Array<{ text: string }> } };
      };
      if (response.ok) onDone({ ok: true, summary: body as ImportResult['summary'] });
      else
        onDone({
          ok: false,
          error: {
            code: body.error?.code ?? String(response.status),
            message: body.error?.message ?? response.statusText,
            issues: body.error?.details?.issues?.map((i) => i.text) ?? [],
          },
        });
    } catch {
      onDone({ ok: false, error: { code: 'network', message: t('error.network'), issues: [] } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card import-form" onSubmit={submit} aria-labelledby="import-form-title">
      <h2 id="import-form-title">{t('admin.upload')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="kind">{t('admin.kind')}</label>
          <select
            id="kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
          <p className="hint">{t(`admin.kindHint.${kind}` as MessageKey)}</p>
        </div>
        <div className="field">
          <label htmlFor="file">{t('admin.file')}</label>
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.xlsx,.json,.geojson,.gpkg"
          />
        </div>
        <div className="field">
          <label htmlFor="year">{t('admin.year')}</label>
          <input
            id="year"
            name="year"
            type="number"
            min={1990}
            max={2100}
            inputMode="numeric"
            placeholder="2024"
          />
          <p className="hint">{t('admin.yearHint')}</p>
        </div>
        {kind === 'table' ? (
          <div className="field wide">
            <label htmlFor="mapping">{t('admin.mapping')}</label>
            <textarea
              id="mapping"
              name="mapping"
              rows={7}
              required
              defaultValue={MAPPING_EXAMPLE}
              spellCheck={false}
            />
            <p className="hint">{t('admin.mappingHint')}</p>
          </div>
        ) : null}
      </div>
      <details className="advanced">
        <summary>{t('admin.advanced')}</summary>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="level">{t('admin.level')}</label>
            <select id="level" name="level" defaultValue="">
              <option value="">{t('admin.fromFile')}</option>
              <option value="gemeente">{t('area.level.gemeente')}</option>
              <option value="wijk">{t('area.level.wijk')}</option>
              <option value="buurt">{t('area.level.buurt')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="release">{t('admin.release')}</label>
            <input id="release" name="release" placeholder="lbm3-2024" />
          </div>
          <div className="field">
            <label htmlFor="layer">{t('admin.layer')}</label>
            <input id="layer" name="layer" />
          </div>
          <div className="field">
            <label htmlFor="codeField">{t('admin.codeField')}</label>
            <input id="codeField" name="codeField" placeholder="buurtcode" />
          </div>
        </div>
      </details>
      <div className="form-actions">
        <label className="check">
          <input type="checkbox" name="dryRun" value="true" /> {t('admin.dryRun')}
        </label>
        <label className="check">
          <input type="checkbox" name="force" value="true" /> {t('admin.force')}
        </label>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.busy') : t('admin.submit')}
        </button>
      </div>
    </form>
  );
}

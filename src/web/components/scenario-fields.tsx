import { useId, type ReactNode } from 'react';
import type { DraftProblem } from '../budget-scenario-draft.js';
import { useI18n } from '../i18n/i18n.js';

export interface InputProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface ScenarioFields {
  /** A labelled field whose problem (if any) is said next to it and tied to the input. */
  field(
    name: string,
    label: string,
    input: (props: InputProps) => ReactNode,
    hint?: string,
  ): ReactNode;
  /** A field for an amount in euros, typed the Dutch way. */
  money(
    name: string,
    label: string,
    value: string,
    update: (v: string) => void,
    hint?: string,
  ): ReactNode;
}

/** The scenario form's fields, each with its label, hint and problem (by the draft's field name). */
export function useScenarioFields(problems: readonly DraftProblem[]): ScenarioFields {
  const { t } = useI18n();
  const id = useId();
  const problemOf = (field: string) => problems.find((p) => p.field === field) ?? null;
  const field = (
    name: string,
    label: string,
    input: (props: InputProps) => ReactNode,
    hint?: string,
  ) => {
    const problem = problemOf(name);
    const fieldId = `${id}-${name.replace(/\W/g, '-')}`;
    const described = [hint ? `${fieldId}-hint` : '', problem ? `${fieldId}-error` : ''].filter(
      Boolean,
    );
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        {input({
          id: fieldId,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
        })}
        {hint ? (
          <p className="hint" id={`${fieldId}-hint`}>
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p className="form-error field-error" id={`${fieldId}-error`}>
            {t(`scenario.problem.${problem.kind}`)}
          </p>
        ) : null}
      </div>
    );
  };
  const money = (
    name: string,
    label: string,
    value: string,
    update: (v: string) => void,
    hint?: string,
  ) =>
    field(
      name,
      label,
      (props) => (
        <input
          {...props}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => update(e.target.value)}
        />
      ),
      hint,
    );
  return { field, money };
}

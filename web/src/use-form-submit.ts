import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fieldErrorsOf, useErrorText, useFieldErrorText, type FieldErrors, type FieldOf } from './errors';
import { notifyError } from './notify';

/** The fields that hold free text, which an input's change event can set as it is. */
export type TextField<V> = {
  [K in keyof V]-?: string extends V[K] ? (V[K] extends string ? K : never) : never;
}[keyof V] &
  string;

export interface FormSubmitOptions<V> {
  /** What the form starts with (read once, like useState). */
  initialValues: V;
  /** Checks run before sending: a field with a problem code stops the submission. */
  check?: (values: V) => FieldErrors;
  /** Sends the values. When it rejects, the fields named by the problem are marked and the failure is reported. */
  send: (values: V) => Promise<void>;
  /** Problems the server reports by code alone, and the field each belongs to (`duplicate_email` → `email`). */
  codeFields?: Partial<Record<string, keyof V & string>>;
  /** Where a field the server names is in this form, when the body nests it (`person.familyKana` → `familyKana`). */
  fieldOf?: FieldOf;
  /**
   * How a failed send is told: `notify` in a notification, `alert` through `failure`, for the form to show
   * (see FormAlert).
   */
  report: 'notify' | 'alert';
  /** After a failed check or send, focus moves to the first field marked invalid. */
  focusInvalid?: boolean;
  /**
   * Once sent: `keep` the values; `reset` them to the initial ones; or `leave`, for a form that goes away
   * (navigation, a dialog closing) and stays busy until it does, so it cannot be sent twice.
   */
  afterSuccess?: 'keep' | 'reset' | 'leave';
}

export interface FormSubmit<V> {
  values: V;
  /** Field name → problem code, from the checks or the server. */
  errors: FieldErrors;
  /** Why the last send failed (only with `report: 'alert'`); null when it did not. */
  failure: unknown;
  submitting: boolean;
  /** Changes one value and clears that field's error. */
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  /** The translated error of a field, for an input's `error`. */
  error: (field: keyof V & string) => string | undefined;
  /** `value`, `onChange` and `error` of a text input or select bound to a text field. */
  input: (field: TextField<V>) => {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
  };
  /** The form's `onSubmit`. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** How many fields have a problem. */
export function invalidCount(errors: FieldErrors): number {
  return Object.values(errors).filter(Boolean).length;
}

/**
 * The errors without the one of `field` nor those of the parts within it (`entries.0.hours` when `entries` changes);
 * the same object when there were none, so React can skip a render.
 */
export function withoutError(errors: FieldErrors, field: string): FieldErrors {
  const within = `${field}.`;
  const cleared = Object.keys(errors).filter((key) => errors[key] && (key === field || key.startsWith(within)));
  if (cleared.length === 0) return errors;
  return { ...errors, ...Object.fromEntries(cleared.map((key) => [key, undefined])) };
}

/** Moves keyboard and screen-reader focus to the first field that needs attention, once it is marked. */
function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * The one way a form is sent: its values, checks before sending, field errors from the checks or from the
 * server's problem (`errors[].field`, or the problem's code through `codeFields`), the busy state of its submit
 * button, and the report of a failure.
 */
export function useFormSubmit<V extends object>(options: FormSubmitOptions<V>): FormSubmit<V> {
  const { check, send, codeFields, fieldOf, report, focusInvalid = false, afterSuccess = 'keep' } = options;
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [initialValues] = useState(options.initialValues);
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutError(current, String(field)));
  };

  async function submit(form: HTMLFormElement) {
    const found = check?.(values) ?? {};
    setErrors(found);
    setFailure(null);
    if (invalidCount(found) > 0) {
      if (focusInvalid) focusFirstInvalid(form);
      return;
    }
    setSubmitting(true);
    try {
      await send(values);
    } catch (error) {
      setErrors(fieldErrorsOf(error, codeFields, fieldOf));
      if (report === 'notify') notifyError(errorText(error));
      else setFailure(error);
      if (focusInvalid) focusFirstInvalid(form);
      setSubmitting(false);
      return;
    }
    if (afterSuccess === 'reset') setValues(initialValues);
    if (afterSuccess !== 'leave') setSubmitting(false);
  }

  return {
    values,
    errors,
    failure,
    submitting,
    set,
    error: (field) => fieldErrorText(errors[field]),
    input: (field) => ({
      value: values[field] as string,
      // TextField<V> holds only the fields a string can be assigned to.
      onChange: (event) => set(field, event.currentTarget.value as V[typeof field]),
      error: fieldErrorText(errors[field]),
    }),
    onSubmit: (event) => {
      event.preventDefault();
      void submit(event.currentTarget);
    },
  };
}

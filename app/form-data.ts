// The one form contract of the web app (docs/decisions/0016-form-contract.md): a submitted form is
// parsed with its zod schema by parseForm, which gives the typed value or the one failure answer;
// a use case's AppError becomes a response in one place, appErrorResponse (through withAppErrors);
// and a page reads any failure with formFailureOf. Every failed form answers the same shape.
import { data } from "react-router";
import type { z } from "zod";
import { AppError, toFieldErrors } from "~/platform/errors";

/** What the person typed, by field name: kept so a failed form shows it again. */
export type FormValues = Record<string, string>;

/** The one answer of a failed form: each field's problem beside it, one message for the form, and what was typed. */
export type FormFailure = { fieldErrors: Record<string, string>; formError: string | null; values: FormValues };

type FailureInit = { status?: number; fieldErrors?: Record<string, string>; formError?: string | null; headers?: HeadersInit };

/** The failed form's response: 400 unless said otherwise. */
export function formFailure(values: FormValues, { status = 400, fieldErrors = {}, formError = null, headers }: FailureInit = {}) {
  return data<FormFailure>({ fieldErrors, formError, values }, { status, headers });
}

export type FormFailureResponse = ReturnType<typeof formFailure>;

/** The submitted text fields; a repeated field keeps its last value unless named in `repeated`, which joins its values by commas (a group of checkboxes). */
export function formValues(formData: FormData, repeated: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  for (const name of repeated)
    values[name] = formData
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .join(",");
  return values;
}

type ParseOptions = {
  /** Repeated fields whose values are joined by commas before parsing (checkbox groups). */
  repeated?: readonly string[];
  /** Builds the schema's input from the typed values, when the form's fields are not the schema's shape. */
  input?: (values: FormValues) => unknown;
  /** Names the form field of an issue's path, when the schema's shape is not the form's. */
  fieldOf?: (path: string) => string;
};

export type ParsedForm<T> = { ok: true; value: T; values: FormValues } | { ok: false; values: FormValues; response: FormFailureResponse };

/**
 * Parses a submitted form with its schema: `{ ok: true, value }` with the value typed by the schema,
 * or `{ ok: false, response }`, the 400 the route returns as it is (each field's first problem beside
 * it, and everything typed).
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S, options: ParseOptions = {}): ParsedForm<z.output<S>> {
  const values = formValues(formData, options.repeated);
  const parsed = schema.safeParse(options.input ? options.input(values) : values);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  return { ok: false, values, response: formFailure(values, { fieldErrors: fieldErrorsFor(toFieldErrors(parsed.error.issues), options.fieldOf) }) };
}

function fieldErrorsFor(errors: Record<string, string>, fieldOf: ((path: string) => string) | undefined) {
  if (!fieldOf) return errors;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[fieldOf(path)] ??= message;
  return out;
}

export const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** 429, an expected outcome of a public form: the message with the wait, what was typed, and Retry-After. */
export function rateLimitedForm(message: string, retryAfterSeconds: number, values: FormValues) {
  return formFailure(values, { status: 429, formError: `${message} (about ${minutes(retryAfterSeconds)} min)`, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * The one place an AppError becomes a response. NOT_FOUND and FORBIDDEN are pages (thrown, so the
 * error boundary shows them); the others are the failed form, with what was typed: VALIDATION 400 and
 * CONFLICT 409 (each with its field's message beside the field, or one message for the form),
 * RATE_LIMITED 429 with Retry-After, UNAVAILABLE 503.
 */
export function appErrorResponse(error: AppError, values: FormValues): FormFailureResponse {
  switch (error.code) {
    case "NOT_FOUND":
    case "FORBIDDEN":
      throw data({ message: error.message }, { status: error.status });
    case "RATE_LIMITED":
      return rateLimitedForm(error.message, error.retryAfterSeconds ?? 60, values);
    case "VALIDATION":
    case "CONFLICT":
    case "UNAVAILABLE": {
      const fieldErrors = error.fieldErrors ?? {};
      const hasFieldErrors = Object.keys(fieldErrors).length > 0;
      return formFailure(values, { status: error.status, fieldErrors, formError: hasFieldErrors ? null : error.message });
    }
  }
}

/** Runs an action's work; an AppError it throws is answered by appErrorResponse, anything else goes on (a 500, logged). */
export async function withAppErrors<T>(values: FormValues, run: () => Promise<T>): Promise<T | FormFailureResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error, values);
    throw error;
  }
}

/** A loader's read: NOT_FOUND and FORBIDDEN it throws become their pages (404, 403), never a 500. */
export async function orErrorPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) throw data({ message: error.message }, { status: error.status });
    throw error;
  }
}

const noFailure: FormFailure = { fieldErrors: {}, formError: null, values: {} };

/**
 * The page side: a route's actionData read as the one failure shape (empty when the form has not
 * failed, or when the action answered something else, such as a success shown on the same page).
 */
export function formFailureOf(actionData: unknown): FormFailure & { failed: boolean } {
  if (typeof actionData === "object" && actionData !== null && "fieldErrors" in actionData && "values" in actionData) {
    return { ...(actionData as FormFailure), failed: true };
  }
  return { ...noFailure, failed: false };
}

/** The form-wide message: the form's own, or a pointer to the fields when only fields have problems. */
export function formAlertOf(failure: FormFailure, fieldsMessage = "Please correct the fields marked below."): string | null {
  return failure.formError ?? (Object.keys(failure.fieldErrors).length ? fieldsMessage : null);
}

/** The one message of a form of buttons (its fields are hidden): the form's problem, or its first field's. */
export function problemOf(failure: FormFailure): string | null {
  return failure.formError ?? Object.values(failure.fieldErrors)[0] ?? null;
}

/** True when the honeypot field, invisible to people, was filled in (by a bot). */
export const isSpam = (values: FormValues) => (values.website ?? "").trim() !== "";

/** A route's `headers`: the action's headers (Retry-After of a 429) go on to the page's response. */
export const passActionHeaders = ({ actionHeaders }: { actionHeaders: Headers }) => actionHeaders;

// Reading submitted forms, and the answers a failed form gets (status, messages, typed values).
import { data } from "react-router";
import { toFieldErrors } from "../platform/errors";
import type { AppError } from "../platform/errors";

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

/** Like formValues, with the named repeated fields (a group of checkboxes) joined by commas. */
export function formValuesJoining(formData: FormData, ...names: string[]): Record<string, string> {
  const values = formValues(formData);
  for (const name of names) values[name] = formData.getAll(name).filter((v): v is string => typeof v === "string").join(",");
  return values;
}

/** True when the honeypot field, invisible to people, was filled in (by a bot). */
export const isSpam = (values: Record<string, string>) => (values.website ?? "").trim() !== "";

export const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

type FormFailure = { fieldErrors: Record<string, string>; formError: string | null; values: Record<string, string> };

/** 400: each field's first problem, beside it, and everything that was typed. */
export function invalidForm(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, values: Record<string, string>) {
  return data<FormFailure>({ fieldErrors: toFieldErrors(issues), formError: null, values }, { status: 400 });
}

/** A use case's AppError as a failed form: field problems beside their fields, otherwise one message, and what was typed. */
export function appErrorForm(error: AppError, values: Record<string, string>) {
  return data<FormFailure>({ fieldErrors: error.fieldErrors ?? {}, formError: error.fieldErrors ? null : error.message, values }, { status: error.status });
}

/** 429: a readable message with the wait, the typed values kept, and Retry-After. */
export function rateLimitedForm(message: string, retryAfterSeconds: number, values: Record<string, string>) {
  return data<FormFailure>(
    { fieldErrors: {}, formError: `${message} (about ${minutes(retryAfterSeconds)} min)`, values },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/** A route's `headers`: the action's headers (Retry-After of a 429) go on to the page's response. */
export const passActionHeaders = ({ actionHeaders }: { actionHeaders: Headers }) => actionHeaders;

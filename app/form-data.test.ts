import { isRouteErrorResponse } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appErrorResponse, formFailureOf, formValues, parseForm, rateLimitedForm, withAppErrors } from "./form-data";
import { AppError } from "~/platform/errors";
import type { ErrorCode } from "~/platform/errors";

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const schema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Please enter an e-mail address." })),
  age: z.coerce.number({ error: "Please enter a number." }).int().min(18, "You must be 18."),
  targets: z
    .string()
    .default("")
    .transform((v) => v.split(",").filter(Boolean)),
});

describe("parseForm", () => {
  it("gives the value typed by the schema, and what was typed", () => {
    const parsed = parseForm(
      form([
        ["email", " Ana@Example.org "],
        ["age", "30"],
      ]),
      schema,
    );
    expect(parsed).toEqual({ ok: true, value: { email: "ana@example.org", age: 30, targets: [] }, values: { email: " Ana@Example.org ", age: "30" } });
  });

  it.each([
    [
      "a bad e-mail",
      [
        ["email", "nope"],
        ["age", "30"],
      ],
      { email: "Please enter an e-mail address." },
    ],
    [
      "two bad fields, each beside its own",
      [
        ["email", "nope"],
        ["age", "12"],
      ],
      { email: "Please enter an e-mail address.", age: "You must be 18." },
    ],
    [
      "a missing number",
      [
        ["email", "a@b.org"],
        ["age", "x"],
      ],
      { age: "Please enter a number." },
    ],
  ] as [string, [string, string][], Record<string, string>][])("answers %s with 400, field errors and the typed values", (_name, entries, fieldErrors) => {
    const parsed = parseForm(form(entries), schema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.response.init?.status).toBe(400);
    expect(parsed.response.data).toEqual({ fieldErrors, formError: null, values: Object.fromEntries(entries) });
  });

  it("joins the named repeated fields (a group of checkboxes) by commas, before parsing and in the kept values", () => {
    const parsed = parseForm(
      form([
        ["email", "a@b.org"],
        ["age", "40"],
        ["targets", "us-senate"],
        ["targets", "us-house"],
      ]),
      schema,
      { repeated: ["targets"] },
    );
    expect(parsed.ok && parsed.value.targets).toEqual(["us-senate", "us-house"]);
    expect(parsed.values.targets).toBe("us-senate,us-house");
  });

  it("builds the schema's input from the values, and names each issue's form field", () => {
    const nested = z.object({ hours: z.object({ opens: z.string().regex(/^\d\d:\d\d$/, "Use HH:MM.") }) });
    const parsed = parseForm(form([["monday.opens", "9am"]]), nested, { input: (v) => ({ hours: { opens: v["monday.opens"] } }), fieldOf: (path) => (path === "hours.opens" ? "monday.opens" : path) });
    expect(!parsed.ok && parsed.response.data.fieldErrors).toEqual({ "monday.opens": "Use HH:MM." });
  });
});

describe("formValues", () => {
  it("keeps text fields and leaves files out", () => {
    const fd = form([["name", "Ana"]]);
    fd.append("file", new Blob(["x"]), "a.csv");
    expect(formValues(fd)).toEqual({ name: "Ana" });
  });
});

describe("appErrorResponse", () => {
  const typed = { title: "Fund residencies", slug: "taken" };

  it.each([
    ["VALIDATION with field errors", new AppError("VALIDATION", "Invalid", { slug: "Use lower-case letters." }), 400, { slug: "Use lower-case letters." }, null],
    ["VALIDATION without field errors", new AppError("VALIDATION", "This cannot be saved."), 400, {}, "This cannot be saved."],
    ["CONFLICT naming its field", new AppError("CONFLICT", "Slug taken", { slug: "Another campaign already has this address." }), 409, { slug: "Another campaign already has this address." }, null],
    ["CONFLICT about the whole form", new AppError("CONFLICT", "Only a failed message can be resent."), 409, {}, "Only a failed message can be resent."],
    ["UNAVAILABLE", new AppError("UNAVAILABLE", "The mail server does not answer."), 503, {}, "The mail server does not answer."],
  ] as [string, AppError, number, Record<string, string>, string | null][])("answers %s as the failed form, status %i, with what was typed", (_name, error, status, fieldErrors, formError) => {
    const response = appErrorResponse(error, typed);
    expect(response.init?.status).toBe(status);
    expect(response.data).toEqual({ fieldErrors, formError, values: typed });
  });

  it("answers RATE_LIMITED 429 with Retry-After and the wait in the message", () => {
    const response = appErrorResponse(new AppError("RATE_LIMITED", "Too many imports.", undefined, 300), typed);
    expect(response.init?.status).toBe(429);
    expect(new Headers(response.init?.headers).get("Retry-After")).toBe("300");
    expect(response.data.formError).toBe("Too many imports. (about 5 min)");
  });

  it.each([
    ["NOT_FOUND", 404],
    ["FORBIDDEN", 403],
  ] as [ErrorCode, number][])("answers %s with the %i page (thrown to the error boundary)", (code, status) => {
    let thrown: unknown;
    try {
      appErrorResponse(new AppError(code, "No such campaign"), typed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ type: "DataWithResponseInit", data: { message: "No such campaign" }, init: { status } });
  });
});

describe("withAppErrors", () => {
  it("returns the work's answer", async () => {
    expect(await withAppErrors({}, async () => "saved")).toBe("saved");
  });

  it("maps an AppError the work throws", async () => {
    const answer = await withAppErrors({ a: "1" }, async () => {
      throw new AppError("CONFLICT", "Already approved.");
    });
    expect(answer).toMatchObject({ data: { formError: "Already approved.", values: { a: "1" } }, init: { status: 409 } });
  });

  it("lets any other error through (a 500, logged)", async () => {
    await expect(
      withAppErrors({}, async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
  });
});

describe("rateLimitedForm and formFailureOf", () => {
  it("reads a failed form's answer on the page, and nothing otherwise", () => {
    const failed = rateLimitedForm("Too many messages.", 90, { email: "a@b.org" });
    expect(formFailureOf(failed.data)).toEqual({ fieldErrors: {}, formError: "Too many messages. (about 2 min)", values: { email: "a@b.org" }, failed: true });
    expect(formFailureOf(undefined)).toEqual({ fieldErrors: {}, formError: null, values: {}, failed: false });
    expect(formFailureOf({ done: true })).toMatchObject({ failed: false });
    expect(isRouteErrorResponse(failed.data)).toBe(false);
  });
});

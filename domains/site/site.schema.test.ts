import { describe, expect, it } from "vitest";
import { contactInputSchema, contactReplySchema, organisationSchema } from "./site.schema";

const contact = { name: "Pat", email: "pat@example.org", subject: "Hello there", message: "A message for the inbox." };

describe("contactInputSchema", () => {
  it("makes a subject with line breaks one line, so it cannot forge a header of the staff notification", () => {
    const parsed = contactInputSchema.parse({ ...contact, subject: "Hi\r\nBcc: victim@example.org" });
    expect(parsed.subject).toBe("Hi Bcc: victim@example.org");
  });

  it("keeps the message's line breaks and drops NUL bytes, which PostgreSQL refuses", () => {
    expect(contactInputSchema.parse({ ...contact, message: "Line one\r\nline\u0000 two" }).message).toBe("Line one\nline two");
  });

  it("refuses a name over 120 characters, saying so", () => {
    const result = contactInputSchema.safeParse({ ...contact, name: "x".repeat(121) });
    expect(result.error?.issues[0]).toMatchObject({ path: ["name"], message: "Please keep your name under 120 characters." });
  });

  it("refuses an e-mail address over 254 characters", () => {
    expect(contactInputSchema.safeParse({ ...contact, email: `${"a".repeat(250)}@example.org` }).error?.issues[0]?.path).toEqual(["email"]);
  });
});

describe("organisationSchema", () => {
  it("caps every one-line setting", () => {
    const org = { name: "AMG", shortName: "AMG", tagline: "x".repeat(301), email: "info@example.org", city: "Syracuse", region: "NY" };
    expect(organisationSchema.safeParse(org).error?.issues.map((i) => i.path[0])).toEqual(["tagline"]);
  });
});

describe("contactReplySchema", () => {
  it("keeps the reply's paragraphs and asks for one of at least two characters", () => {
    expect(contactReplySchema.parse({ body: " Thank you.\r\n\r\nAMG " }).body).toBe("Thank you.\n\nAMG");
    expect(contactReplySchema.safeParse({ body: "\u0000 " }).error?.issues[0]?.message).toBe("Please write your reply.");
    expect(contactReplySchema.safeParse({ body: "x".repeat(10_001) }).error?.issues[0]?.message).toBe("Please keep the reply under 10,000 characters.");
  });

  it("answers every problem in the organisation settings in plain words, never zod's own", () => {
    const issues = organisationSchema.safeParse({ name: "", shortName: "", tagline: "", email: "nope", city: "", region: "" }).error?.issues ?? [];
    expect(issues.length).toBeGreaterThanOrEqual(6);
    for (const issue of issues) expect(issue.message).toMatch(/^Please /);
  });
});

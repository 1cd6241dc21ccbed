import { describe, expect, it } from "vitest";
import { linksAndCode } from "./outbox-preview";
import { signInMail, signatureConfirmMail } from "./templates";

describe("what the log shows of a mail kept in the outbox", () => {
  it("gives the sign-in link and code in full", () => {
    const mail = signInMail({ orgName: "AMG", link: "http://localhost:3000/sign-in/verify?token=abc_DEF-123", code: "123456", minutes: 15 });
    expect(linksAndCode(mail.text)).toEqual({ links: ["http://localhost:3000/sign-in/verify?token=abc_DEF-123"], code: "123 456" });
  });

  it("gives a confirmation link without the punctuation after it", () => {
    const mail = signatureConfirmMail({ orgName: "AMG", letterTitle: "To the AAMC", confirmUrl: "http://localhost:3000/letters/confirm?token=xyz", hours: 72 });
    expect(linksAndCode(mail.text).links).toContain("http://localhost:3000/letters/confirm?token=xyz");
    expect(linksAndCode(mail.text).code).toBeUndefined();
  });

  it("gives nothing for a mail with neither", () => {
    expect(linksAndCode("Dear Senator,\n\nPlease cosponsor the bill.")).toEqual({});
  });
});

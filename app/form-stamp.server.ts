// The bot checks of public anonymous forms: the honeypot field, and the signed time stamp the page
// carries in its hidden `rendered` field (platform/form-stamp.ts). A bot-like submission is answered
// like a success (the thank-you page) and nothing of it is kept, so a bot learns nothing.
import type { AppLoadContext } from "react-router";
import { formStampKey } from "~/domains/site/form-stamp-key.server";
import { checkFormStamp, signFormStamp } from "~/platform/form-stamp";
import { isSpam } from "./form-data";

/** The value of the form's hidden `rendered` field: this instant, signed. */
export async function formStamp(context: AppLoadContext): Promise<string> {
  return signFormStamp(await formStampKey(context.services.db), context.services.clock().getTime());
}

/**
 * True for a form a person did not fill in: the honeypot filled, or a stamp that is missing, not
 * ours (forged, tampered, unparsable) or less than two seconds old.
 */
export async function isBotLike(values: Record<string, string>, context: AppLoadContext): Promise<boolean> {
  if (isSpam(values)) return true;
  return checkFormStamp(values.rendered, await formStampKey(context.services.db), context.services.clock().getTime()) !== "fine";
}

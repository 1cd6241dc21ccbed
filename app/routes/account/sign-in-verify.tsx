import type { Route } from "./+types/sign-in-verify";
import { pageTitle } from "~/app/page-title";
import { isHostLike, linkHostMessage } from "~/app/link-host";
import { readCookie, signedInRedirect } from "~/app/session.server";
import { messages } from "~/domains/accounts/messages";
import { completeSignInWithLink } from "~/domains/accounts/sign-in.server";
import { tokenSchema } from "~/domains/email/email.schema";
import { signInCookieName } from "~/platform/request-context";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Signing in")];

// Opening the e-mailed link signs in only the browser that asked (its cookie carries the nonce).
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = tokenSchema.safeParse(url.searchParams.get("token"));
  if (!token.success) return { reason: "expired" as const, hostMessage: null };
  const outcome = await completeSignInWithLink({
    ...context.services,
    token: token.data,
    browserNonce: readCookie(request, signInCookieName),
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (outcome.ok) throw signedInRedirect(outcome, "/account", context);
  // Asked on another name for this site (127.0.0.1 rather than localhost): say that, not "another browser".
  const askedFrom = url.searchParams.get("from");
  const hostMessage = outcome.reason === "other-browser" && isHostLike(askedFrom) && askedFrom !== url.host ? linkHostMessage(askedFrom, url.host) : null;
  return { reason: outcome.reason, hostMessage };
}

export default function SignInVerify({ loaderData }: Route.ComponentProps) {
  const otherBrowser = loaderData.reason === "other-browser";
  return (
    <div className="page narrow">
      <h1>{otherBrowser ? "Open this link where you asked to sign in" : "This sign-in link cannot be used"}</h1>
      <p className="lead">{loaderData.hostMessage ?? (otherBrowser ? messages.linkOtherBrowser : messages.linkExpired)}</p>
      <p>
        <a className="button" href="/sign-in">
          Get a new sign-in link
        </a>
      </p>
    </div>
  );
}

import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/check-email";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Check your e-mail"), { name: "robots", content: "noindex" }];

export default function MentorCheckEmail() {
  return (
    <div className="page narrow">
      <h1>One more step: check your e-mail</h1>
      <p className="lead">
        We have e-mailed a link to the address you gave. Opening it confirms the address, creates your account and sends your offer to our staff. Nothing is stored in your name before that.
      </p>
      <p>The link works once, for 3 days. No e-mail after a few minutes? Look in the spam folder, or send the form again.</p>
    </div>
  );
}

import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/inbox-message";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { formFailure, formFailureOf, formValues, parseForm, withAppErrors } from "~/app/form-data";
import { formatDateTime } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { readContactMessage, replyToContactMessage, setContactMessageStatus } from "~/domains/site/contact-inbox.server";
import { contactReplySchema } from "~/domains/site/site.schema";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.message.subject ?? "Message"}`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const found = await readContactMessage(args.context.services.db, actorOf(viewer, args.context), args.params.publicId);
  if (!found) throw data({ message: "No such message." }, { status: 404 });
  return { ...found, csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const { services } = args.context;
  const actor = actorOf(viewer, args.context);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    if (values.intent === "reply") {
      const form = parseForm(formData, contactReplySchema);
      if (!form.ok) return form.response;
      await replyToContactMessage({ ...services, actor, publicId: args.params.publicId, body: form.value.body });
      return redirectWithFlash(`/admin/inbox/${args.params.publicId}`, confirmations.replySent, args.context);
    } else if (values.intent === "mark-answered" || values.intent === "mark-new") {
      await setContactMessageStatus(services.db, actor, args.params.publicId, values.intent === "mark-answered" ? "answered" : "new", services.clock());
      return redirectWithFlash(`/admin/inbox/${args.params.publicId}`, values.intent === "mark-answered" ? confirmations.messageMarkedAnswered : confirmations.messageMarkedNew, args.context);
    } else {
    }
    return formFailure(values, { formError: "Unknown action." });
  });
}

export default function InboxMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { message, replies, csrf } = loaderData;
  const failure = formFailureOf(actionData);
  return (
    <>
      <p>
        <Link to="/admin/inbox">← Inbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <p>
        From <strong>{message.name}</strong> &lt;<a href={`mailto:${message.email}`}>{message.email}</a>&gt;, {formatDateTime(message.createdAt)}. Status:{" "}
        <strong>{message.status === "new" ? "waiting for an answer" : "answered"}</strong>
      </p>
      <blockquote className="message-body">{message.message}</blockquote>
      <FormAlert message={failure.formError} />
      <Form method="post">
        <CsrfField token={csrf} />
        <button type="submit" name="intent" value={message.status === "new" ? "mark-answered" : "mark-new"} className="button-secondary">
          {message.status === "new" ? "Mark as answered" : "Mark as waiting"}
        </button>
      </Form>
      <h2>Replies</h2>
      {replies.length === 0 ? <p>No reply yet.</p> : null}
      {replies.map((r) => (
        <article key={r.id} className="reply">
          <p className="hint">
            {r.authorEmail}, {formatDateTime(r.createdAt)}
          </p>
          <p className="message-body">{r.body}</p>
        </article>
      ))}
      <Form method="post" className="stack-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="reply" />
        <FormField name="body" label={`Reply to ${message.email}`} multiline error={failure.fieldErrors.body} defaultValue={failure.values.body} />
        <button type="submit">Send reply</button>
      </Form>
    </>
  );
}

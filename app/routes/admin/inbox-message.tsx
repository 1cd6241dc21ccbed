import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/inbox-message";
import { CsrfField } from "../../components/csrf-field";
import { FormField } from "../../components/form-field";
import { formatDateTime } from "../../format";
import { actorOf, requireStaff } from "../../session.server";
import { readContactMessage, replyToContactMessage, setContactMessageStatus } from "../../../domains/site/contact-inbox.server";
import { contactReplySchema } from "../../../domains/site/site.schema";
import { AppError } from "../../../platform/errors";

export const meta: Route.MetaFunction = ({ data: d }) => [{ title: `${d?.message.subject ?? "Message"} — AMG staff` }];

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
  const intent = formData.get("intent");
  try {
    if (intent === "reply") {
      const typed = String(formData.get("body") ?? "");
      const parsed = contactReplySchema.safeParse({ body: typed });
      if (!parsed.success) return data({ fieldErrors: { body: parsed.error.issues[0]!.message } as Record<string, string>, body: typed }, { status: 400 });
      await replyToContactMessage({ ...services, actor, publicId: args.params.publicId, body: parsed.data.body });
    } else if (intent === "mark-answered" || intent === "mark-new") {
      await setContactMessageStatus(services.db, actor, args.params.publicId, intent === "mark-answered" ? "answered" : "new", services.clock());
    } else {
      return data({ fieldErrors: { form: "Unknown action." } as Record<string, string>, body: "" }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof AppError) return data({ fieldErrors: { form: error.message } as Record<string, string>, body: "" }, { status: error.status });
    throw error;
  }
  return redirect(`/admin/inbox/${args.params.publicId}`);
}

export default function InboxMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { message, replies, csrf } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin/inbox">← Inbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <p>
        From <strong>{message.name}</strong> &lt;<a href={`mailto:${message.email}`}>{message.email}</a>&gt;, {formatDateTime(message.createdAt)}.{" "}
        Status: <strong>{message.status === "new" ? "waiting for an answer" : "answered"}</strong>
      </p>
      <blockquote className="message-body">{message.message}</blockquote>
      {actionData?.fieldErrors.form ? (
        <div className="alert alert-error" role="alert">
          {actionData.fieldErrors.form}
        </div>
      ) : null}
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
        <FormField name="body" label={`Reply to ${message.email}`} multiline error={actionData?.fieldErrors.body} defaultValue={actionData?.body} />
        <button type="submit">Send reply</button>
      </Form>
    </>
  );
}

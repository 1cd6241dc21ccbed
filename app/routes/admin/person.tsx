import { data, Form, Link } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import { auditActionLabel } from "~/app/audit-labels";
import { roleLabels } from "~/domains/accounts/labels";
import { formFailureOf, formValues, parseForm, problemOf, withAppErrors } from "~/app/form-data";
import type { Route } from "./+types/person";
import { AuditHistory } from "~/app/components/audit-history";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formatDateTime } from "~/app/format";
import { actorOf, requireRole, requireStaff } from "~/app/session.server";
import { changeRoleSchema, roles } from "~/domains/accounts/accounts.schema";
import { listAudit, recordAudit } from "~/platform/audit.server";
import { changeRole, findPersonByPublicId, setPersonDisabled } from "~/domains/accounts/people.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `${d?.person.email ?? "Person"}`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const person = await findPersonByPublicId(db, args.params.publicId);
  if (!person) throw data({ message: "No such person." }, { status: 404 });
  await recordAudit(db, actorOf(viewer, args.context), { action: "person.view", subjectType: "person", subjectId: person.publicId, details: { email: person.email } });
  const history = await listAudit(db, { q: person.publicId, limit: 20 });
  return { person, history, csrf: viewer.csrfToken, canManage: viewer.roles.includes("admin"), isSelf: viewer.personId === person.id };
}

// Granting and revoking roles and disabling accounts are for admins.
export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireRole(args, "admin", formData);
  const { services } = args.context;
  const actor = actorOf(viewer, args.context);
  const values = formValues(formData);
  return withAppErrors(values, async () => {
    if (values.intent === "disable" || values.intent === "enable") {
      await setPersonDisabled(services.db, actor, { personPublicId: args.params.publicId, disabled: values.intent === "disable" }, services.clock());
      return redirectWithFlash(`/admin/people/${args.params.publicId}`, values.intent === "disable" ? confirmations.personDisabled : confirmations.personEnabled, args.context);
    } else {
      const form = parseForm(formData, changeRoleSchema, { input: (v) => ({ personId: args.params.publicId, role: v.role, intent: v.intent }) });
      if (!form.ok) return form.response;
      await changeRole(services.db, actor, { personPublicId: form.value.personId, role: form.value.role, intent: form.value.intent });
      const role = roleLabels[form.value.role];
      return redirectWithFlash(`/admin/people/${args.params.publicId}`, form.value.intent === "grant" ? confirmations.roleGranted(role) : confirmations.roleRevoked(role), args.context);
    }
  });
}

export default function Person({ loaderData, actionData }: Route.ComponentProps) {
  const { person, history, csrf, canManage, isSelf } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin/people">← People</Link>
      </p>
      <h1>{person.email}</h1>
      <p>
        {person.name || "No name given"} · account {person.isDisabled ? <strong>disabled</strong> : "active"} · created {formatDateTime(person.createdAt)} · last sign-in{" "}
        {formatDateTime(person.lastSignInAt)}
      </p>
      <FormAlert message={problemOf(formFailureOf(actionData))} />
      <h2>Roles</h2>
      <ul className="role-list">
        {roles.map((role) => {
          const held = person.roles.includes(role);
          return (
            <li key={role}>
              <span>
                {roleLabels[role]}: <strong>{held ? "yes" : "no"}</strong>
              </span>
              {canManage ? (
                <Form method="post">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="role" value={role} />
                  <button type="submit" name="intent" value={held ? "revoke" : "grant"} className="button-small button-secondary">
                    {held ? `Revoke ${roleLabels[role].toLowerCase()}` : `Grant ${roleLabels[role].toLowerCase()}`}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canManage && !isSelf ? (
        <Form method="post">
          <CsrfField token={csrf} />
          <button type="submit" name="intent" value={person.isDisabled ? "enable" : "disable"} className="button-secondary">
            {person.isDisabled ? "Enable this account" : "Disable this account (ends its sessions)"}
          </button>
        </Form>
      ) : null}
      {!canManage ? <p className="hint">Only administrators can change roles.</p> : null}
      <AuditHistory entries={history} labelOf={auditActionLabel} />
    </>
  );
}

import { Form } from "react-router";
import { redirectWithFlash } from "~/app/flash.server";
import { confirmations } from "./confirmations";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/settings";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { siteSettingsInputSchema, weekdays } from "~/domains/site/site.schema";
import type { OfficeHours, Organisation } from "~/domains/site/site.schema";
import { updateSiteSettings } from "~/domains/site/update-site-settings.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Settings", "staff")];

type Values = Record<string, string>;

/** The form's flat fields from saved settings. */
function toValues(organisation: Organisation, hours: OfficeHours): Values {
  const values: Values = { ...Object.fromEntries(Object.entries(organisation).map(([k, v]) => [k, String(v ?? "")])) };
  values.timeZone = hours.timeZone;
  values.zoneLabel = hours.zoneLabel;
  values.observeUsFederalHolidays = hours.observeUsFederalHolidays ? "on" : "";
  for (const day of weekdays) {
    const h = hours.weekly[day];
    values[`${day}.open`] = h ? "on" : "";
    values[`${day}.opens`] = h?.opens ?? "09:00";
    values[`${day}.closes`] = h?.closes ?? "17:00";
  }
  values.closedDates = hours.closedDates.map((d) => `${d.date} ${d.note}`.trim()).join("\n");
  return values;
}

function fromValues(v: Values) {
  const organisation = {
    name: v.name,
    shortName: v.shortName,
    tagline: v.tagline,
    email: v.email,
    staffEmail: v.staffEmail || undefined,
    streetAddress: v.streetAddress ?? "",
    city: v.city,
    region: v.region,
    postalCode: v.postalCode ?? "",
    country: v.country || "US",
    primaryColour: v.primaryColour ?? "",
    accentColour: v.accentColour ?? "",
    logoUrl: v.logoUrl ?? "",
  };
  const officeHours = {
    timeZone: v.timeZone,
    zoneLabel: v.zoneLabel,
    observeUsFederalHolidays: v.observeUsFederalHolidays === "on",
    weekly: Object.fromEntries(weekdays.map((d) => [d, v[`${d}.open`] === "on" ? { opens: v[`${d}.opens`], closes: v[`${d}.closes`] } : null])),
    closedDates: (v.closedDates ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ date: line.slice(0, 10), note: line.slice(10).trim() })),
  };
  return { organisation, officeHours };
}

/** Maps the schema's issue paths (e.g. "officeHours.weekly.monday", "officeHours.closedDates.2.date") to the form's fields. */
function fieldOf(schemaPath: string): string {
  const path = schemaPath.split(".").slice(1).join(".");
  if (path.startsWith("weekly.")) return `${path.split(".")[1]}.opens`;
  if (path.startsWith("closedDates")) return "closedDates";
  return path;
}

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { organisation, officeHours, security, publicCounters } = await getSiteSettings(args.context.services.db);
  const values = toValues(organisation, officeHours);
  values.threshold = String(publicCounters.threshold);
  values.requireSecondFactorForStaff = security.requireSecondFactorForStaff ? "on" : "";
  return { values, csrf: viewer.csrfToken, isAdmin: viewer.roles.includes("admin") };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  // Only an admin decides whether staff must use a second factor.
  const isAdmin = viewer.roles.includes("admin");
  const form = parseForm(formData, siteSettingsInputSchema, {
    input: (values) => ({
      ...fromValues(values),
      // An empty or non-number field is refused with the setting's message, never saved as 0.
      publicCounters: { threshold: /^\s*\d+\s*$/.test(values.threshold ?? "") ? Number(values.threshold) : Number.NaN },
      ...(isAdmin ? { security: { requireSecondFactorForStaff: values.requireSecondFactorForStaff === "on" } } : {}),
    }),
    fieldOf,
  });
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await updateSiteSettings({ ...args.context.services, input: form.value, actor: actorOf(viewer, args.context) });
    return redirectWithFlash("/admin/settings", confirmations.settingsSaved, args.context);
  });
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const v = failure.failed ? failure.values : loaderData.values;
  const e = failure.fieldErrors;
  return (
    <>
      <h1>Settings</h1>
      <FormAlert message={formAlertOf(failure, "Nothing was saved. Please correct the fields marked below.")} />
      <Form method="post" noValidate className="stack-form settings-form">
        <CsrfField token={loaderData.csrf} />
        <fieldset>
          <legend>Organisation</legend>
          <FormField name="name" label="Name" defaultValue={v.name} error={e.name} />
          <FormField name="shortName" label="Short name" defaultValue={v.shortName} error={e.shortName} />
          <FormField name="tagline" label="Tagline" defaultValue={v.tagline} error={e.tagline} />
          <FormField name="email" label="Public e-mail" type="email" defaultValue={v.email} error={e.email} />
          <FormField name="staffEmail" label="Where contact messages go" type="email" required={false} defaultValue={v.staffEmail} error={e.staffEmail} hint="Leave empty to use the public e-mail." />
          <FormField name="streetAddress" label="Street address" required={false} defaultValue={v.streetAddress} error={e.streetAddress} />
          <FormField name="city" label="City" defaultValue={v.city} error={e.city} />
          <FormField name="region" label="State" defaultValue={v.region} error={e.region} />
          <FormField name="postalCode" label="ZIP code" required={false} defaultValue={v.postalCode} error={e.postalCode} />
        </fieldset>
        <fieldset>
          <legend>Colours and logo</legend>
          <FormField
            name="primaryColour"
            label="Main colour"
            defaultValue={v.primaryColour}
            error={e.primaryColour}
            hint="# and six hex digits, like #0b4f6c: the header, buttons and links. White text must be readable on it."
          />
          <FormField name="accentColour" label="Accent colour" defaultValue={v.accentColour} error={e.accentColour} hint="# and six hex digits, like #c2410c: highlights and focus rings." />
          <FormField
            name="logoUrl"
            label="Logo address"
            required={false}
            defaultValue={v.logoUrl}
            error={e.logoUrl}
            hint="An https:// address of an image, or a path on this site starting with /. Shown in the header with the organisation's name as its text. Leave empty to show the short name."
          />
        </fieldset>
        <fieldset>
          <legend>Office hours</legend>
          <FormField name="timeZone" label="Time zone" defaultValue={v.timeZone} error={e.timeZone} hint="An IANA name such as America/New_York." />
          <FormField name="zoneLabel" label="Time zone label" defaultValue={v.zoneLabel} error={e.zoneLabel} hint="Printed after times, e.g. ET." />
          <div className="field">
            <label>
              <input type="checkbox" name="observeUsFederalHolidays" defaultChecked={v.observeUsFederalHolidays === "on"} /> Closed on US federal holidays (observed dates)
            </label>
          </div>
          {weekdays.map((day) => (
            <div key={day} className={`field weekday${e[`${day}.opens`] ? " field-error" : ""}`}>
              <label>
                <input type="checkbox" name={`${day}.open`} defaultChecked={v[`${day}.open`] === "on"} /> Open on {day[0].toUpperCase() + day.slice(1)}
              </label>
              <span className="time-range">
                <label>
                  from <input type="time" name={`${day}.opens`} defaultValue={v[`${day}.opens`]} aria-invalid={e[`${day}.opens`] ? true : undefined} />
                </label>
                <label>
                  to <input type="time" name={`${day}.closes`} defaultValue={v[`${day}.closes`]} />
                </label>
              </span>
              {e[`${day}.opens`] ? <p className="error-message">{e[`${day}.opens`]}</p> : null}
            </div>
          ))}
          <FormField
            name="closedDates"
            label="Extra closed days"
            multiline
            required={false}
            defaultValue={v.closedDates}
            error={e.closedDates}
            hint="One per line: YYYY-MM-DD and an optional note, e.g. 2026-12-24 Christmas Eve."
          />
        </fieldset>
        <fieldset>
          <legend>Public counters</legend>
          <FormField
            name="threshold"
            label="Show a count from"
            maxLength={7}
            defaultValue={v.threshold}
            error={e.threshold}
            hint="Below this number of people, campaign pages invite people to be among the first instead of showing a small count. A whole number, 0 to always show the count."
          />
        </fieldset>
        {loaderData.isAdmin ? (
          <fieldset>
            <legend>Security</legend>
            <div className="field">
              <label>
                <input type="checkbox" name="requireSecondFactorForStaff" defaultChecked={v.requireSecondFactorForStaff === "on"} /> Require staff and admins to use an authenticator app (two-factor
                sign-in)
              </label>
            </div>
          </fieldset>
        ) : null}
        <button type="submit">Save settings</button>
      </Form>
    </>
  );
}

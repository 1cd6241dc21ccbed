// The compose page's loader and action (app/routes/admin/newsletter.tsx): parse, call one use
// case, answer. "new" is the empty form; saving it creates the draft.
import { DateTime } from "luxon";
import { redirect } from "react-router";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import { formFailure, formValues, orErrorPage, parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { listCampaignsForAudience } from "~/domains/advocacy/campaigns/campaign-audience.server";
import { audienceSchema, describeAudience } from "~/domains/email/newsletters/audience";
import { audienceFormValues, audienceFromForm } from "~/domains/email/newsletters/audience-form";
import {
  audienceOf,
  changeNewsletterSend,
  createNewsletter,
  findNewsletter,
  saveNewsletterDraft,
  scheduleNewsletter,
  sendTestNewsletter,
  startNewsletterSend,
  unscheduleNewsletter,
} from "~/domains/email/newsletters/manage-newsletters.server";
import { newsletterInputSchema, newsletterMessages } from "~/domains/email/newsletters/newsletter.schema";
import { newsletterProgress, newsletterResults } from "~/domains/email/newsletters/newsletter-reports.server";
import { countAudience } from "~/domains/email/newsletters/recipients.server";

const parseNewsletter = (formData: FormData) =>
  parseForm(formData, newsletterInputSchema, {
    repeated: ["m_status"],
    input: (v) => ({
      subject: v.subject ?? "",
      preheader: v.preheader ?? "",
      markdown: v.markdown ?? "",
      topic: v.topic || "newsletter",
      isPrivate: v.isPrivate === "on",
      audience: audienceFromForm(v),
    }),
    fieldOf: (path) => (path.startsWith("audience") ? "audience" : path),
  });

export async function newsletterLoader(args: LoaderFunctionArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const publicId = args.params.publicId ?? "new";
  const campaigns = await listCampaignsForAudience(db);
  if (publicId === "new") {
    return {
      csrf: viewer.csrfToken,
      campaigns,
      newsletter: null,
      values: { aud_subscribers: "on", topic: "newsletter" } as Record<string, string>,
      count: null,
      progress: null,
      results: null,
      audienceText: "",
      testSent: false,
    };
  }
  const row = await orErrorPage(() => findNewsletter(db, publicId));
  const audience = audienceSchema.safeParse(row.audience);
  const editable = row.status === "draft" || row.status === "scheduled";
  const [count, progress, results] = await Promise.all([
    editable && audience.success ? countAudience(db, audience.data, row.topic) : null,
    editable ? null : newsletterProgress(db, row.id),
    row.status === "sent" || row.status === "cancelled" ? newsletterResults(db, row.id) : null,
  ]);
  const url = new URL(args.request.url);
  return {
    csrf: viewer.csrfToken,
    campaigns,
    newsletter: {
      publicId: row.publicId,
      status: row.status,
      subject: row.subject,
      scheduledAt: row.scheduledAt?.toISOString() ?? null,
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      isPrivate: row.isPrivate,
      now: clock().toISOString(),
    },
    values: {
      subject: row.subject,
      preheader: row.preheader,
      markdown: row.markdown,
      topic: row.topic,
      isPrivate: row.isPrivate ? "on" : "",
      ...(audience.success ? audienceFormValues(audience.data) : {}),
    } as Record<string, string>,
    count,
    progress,
    results,
    audienceText: audience.success ? describeAudience(audience.data, Object.fromEntries(campaigns.map((c) => [c.slug, c.title]))) : "",
    testSent: url.searchParams.has("test-sent"),
  };
}

export async function newsletterAction(args: ActionFunctionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const services = args.context.services;
  const actor = actorOf(viewer, args.context);
  const publicId = args.params.publicId ?? "new";
  const intent = String(formData.get("intent") ?? "save");
  const values = formValues(formData, ["m_status"]);
  const here = (query = "") => redirect(`/admin/newsletters/${publicId}${query}`);

  if (intent === "pause" || intent === "resume" || intent === "cancel") {
    return withAppErrors(values, async () => {
      await changeNewsletterSend({ ...services, actor, publicId, change: intent });
      return here();
    });
  }
  if (intent === "unschedule") {
    return withAppErrors(values, async () => {
      await unscheduleNewsletter({ db: services.db, actor, publicId, clock: services.clock });
      return here();
    });
  }
  if (intent === "test" && publicId !== "new") {
    return withAppErrors(values, async () => {
      await sendTestNewsletter({ ...services, actor, publicId });
      return here("?test-sent=1");
    });
  }
  if (intent === "send") {
    return withAppErrors(values, async () => {
      const row = await findNewsletter(services.db, publicId);
      // The count the page showed must still be the count: otherwise show the new one first.
      const shown = Number(values.expectedCount);
      const { recipients } = await countAudience(services.db, audienceOf(row), row.topic);
      if (shown !== recipients) return formFailure(values, { status: 409, formError: `The number of recipients changed to ${recipients.toLocaleString("en-US")}. Check it and send again.` });
      await startNewsletterSend({ ...services, actor, publicId });
      return here();
    });
  }
  if (intent === "schedule") {
    const at = DateTime.fromISO(values.scheduledAt ?? "", { zone: "America/New_York" });
    if (!at.isValid) return formFailure(values, { fieldErrors: { scheduledAt: "Please choose a date and time." } });
    return withAppErrors(values, async () => {
      await scheduleNewsletter({ db: services.db, actor, publicId, at: at.toJSDate(), clock: services.clock });
      return here();
    });
  }
  // save (and "new")
  const form = parseNewsletter(formData);
  if (!form.ok) return form.response;
  return withAppErrors(values, async () => {
    if (publicId === "new") {
      const created = await createNewsletter({ db: services.db, actor, input: form.value });
      return redirect(`/admin/newsletters/${created.publicId}`);
    }
    await saveNewsletterDraft({ db: services.db, actor, publicId, input: form.value, clock: services.clock });
    return here("?saved=1");
  });
}

export { newsletterMessages };

import { useEffect, useRef } from "react";
import { data, Form, Link, redirect, useFetcher } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { PublishingNav } from "~/app/components/publishing-nav";
import { formFailureOf, formAlertOf, parseForm, withAppErrors } from "~/app/form-data";
import { formatDateTime } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { postInputSchema } from "~/domains/publishing/publishing.schema";
import { findPostForStaff, listImages, listTaxonomy } from "~/domains/publishing/queries.server";
import { deletePost, savePost } from "~/domains/publishing/save-post.server";
import { renderMarkdown } from "~/platform/markdown.server";
import type { Route } from "./+types/post-edit";
import { pageTitle } from "~/app/page-title";

// Hydrated: the live side-by-side preview. Without JavaScript the Preview button does the same.
export const handle = { hydrate: true };

export const meta: Route.MetaFunction = ({ data, matches }) => [pageTitle(matches, data?.post ? `Edit: ${data.post.title}` : "Write", "staff")];

const localInput = (d: Date | null, timeZone: string) => {
  if (!d) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const { officeHours } = await siteSettingsFor(args.context);
  const publicId = args.params.publicId;
  const post = publicId ? await findPostForStaff(db, publicId) : null;
  if (publicId && !post) throw data({ message: "No such post." }, { status: 404 });
  const kind = post?.kind ?? (new URL(args.request.url).searchParams.get("kind") === "page" ? "page" : "post");
  const [images, categories] = await Promise.all([listImages(db), listTaxonomy(db, "category")]);
  const saved = new URL(args.request.url).searchParams.get("saved");
  return {
    csrf: viewer.csrfToken,
    kind,
    saved,
    timeZone: officeHours.timeZone,
    zoneLabel: officeHours.zoneLabel,
    post: post
      ? {
          publicId: post.publicId,
          title: post.title,
          slug: post.slug,
          status: post.status,
          publishAt: post.publishAt,
          featureImageShown: post.featureImageShown,
          values: {
            title: post.title,
            slug: post.slug,
            excerpt: post.excerpt,
            body: post.bodyMarkdown,
            category: post.categoryName,
            tags: post.tagNames,
            publishAt: post.status === "scheduled" ? localInput(post.publishAt, officeHours.timeZone) : "",
            featureImage: post.featureImage,
            featureImageAlt: post.featureImageAlt,
          },
        }
      : null,
    images: images.map((i) => ({ publicId: i.publicId, label: `${i.originalName} (${i.width}×${i.height})` })),
    categories: categories.map((c) => c.name),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const { db, clock } = args.context.services;
  const publicId = args.params.publicId;
  const kind = formData.get("kind") === "page" ? "page" : "post";
  if (formData.get("intent") === "delete" && publicId) {
    return withAppErrors({}, async () => {
      await deletePost({ db, actor: actorOf(viewer, args.context), publicId });
      return redirect(`/admin/posts${kind === "page" ? "?kind=page" : ""}`);
    });
  }
  const form = parseForm(formData, postInputSchema);
  if (!form.ok) return form.response;
  if (form.value.intent === "preview") return { preview: renderMarkdown(form.value.body), values: form.values };
  const { officeHours } = await siteSettingsFor(args.context);
  return withAppErrors(form.values, async () => {
    const saved = await savePost({ db, actor: actorOf(viewer, args.context), kind, publicId, input: form.value, now: clock(), timeZone: officeHours.timeZone });
    return redirect(`/admin/posts/${saved.publicId}?saved=${saved.status}`);
  });
}

const savedMessage: Record<string, string> = {
  draft: "Saved as a draft. Readers do not see it.",
  scheduled: "Scheduled. It will be published at the time you set (checked every minute).",
  published: "Published. Readers see it now.",
};

function LivePreview({ formRef, initial }: { formRef: React.RefObject<HTMLFormElement | null>; initial: string | null }) {
  const fetcher = useFetcher<{ preview?: string }>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onInput = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const body = new FormData(form);
        body.set("intent", "preview");
        fetcher.submit(body, { method: "post" });
      }, 1200);
    };
    form.addEventListener("input", onInput);
    return () => form.removeEventListener("input", onInput);
  }, [formRef, fetcher.submit]);
  const html = fetcher.data?.preview ?? initial;
  return (
    <section className="preview-pane" aria-labelledby="preview-heading" aria-live="polite">
      <h2 id="preview-heading">Preview</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server (platform/markdown.server.ts) */}
      {html !== null ? <div className="prose post-body" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="hint">Start writing, or press Preview.</p>}
    </section>
  );
}

export default function PostEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { post, kind, csrf, saved, images, categories, zoneLabel } = loaderData;
  const failure = formFailureOf(actionData);
  const preview = actionData && "preview" in actionData ? (actionData.preview as string) : null;
  const v: Record<string, string> = (actionData && "values" in actionData ? (actionData.values as Record<string, string>) : null) ?? post?.values ?? {};
  const e = failure.fieldErrors;
  const formRef = useRef<HTMLFormElement>(null);
  const noun = kind === "page" ? "page" : "post";
  const publicPath = post ? `${kind === "page" ? "/pages" : "/news"}/${post.slug}` : null;
  return (
    <>
      <h1>{post ? post.title : `Write a new ${noun}`}</h1>
      <PublishingNav />
      {saved && !actionData ? (
        <div className="alert alert-ok" role="status">
          {savedMessage[saved] ?? "Saved."}
        </div>
      ) : null}
      {post ? (
        <p className="hint">
          {post.status === "published" ? (
            <>
              Published {formatDateTime(post.publishAt)} at <a href={publicPath ?? "#"}>{publicPath}</a>.
            </>
          ) : post.status === "scheduled" ? (
            <>Scheduled for {formatDateTime(post.publishAt)}. Readers do not see it yet.</>
          ) : (
            <>A draft: readers do not see it.</>
          )}{" "}
          <Link to={`/admin/posts/${post.publicId}/revisions`}>Revisions</Link>
        </p>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      <div className="editor-layout">
        <Form method="post" noValidate className="stack-form editor-form" ref={formRef}>
          <CsrfField token={csrf} />
          <input type="hidden" name="kind" value={kind} />
          <FormField name="title" label="Title" defaultValue={v.title ?? ""} error={e.title} maxLength={200} />
          <FormField
            name="slug"
            label="Address"
            required={false}
            defaultValue={v.slug ?? ""}
            error={e.slug}
            hint={`The last part of the address, e.g. match-season-checklist. Empty: made from the title. Changing it keeps the old address working (it redirects).`}
          />
          <FormField
            name="excerpt"
            label="Summary"
            required={false}
            multiline
            rows={3}
            defaultValue={v.excerpt ?? ""}
            error={e.excerpt}
            hint="Shown in listings, search results and link previews. Empty: the first paragraph."
          />
          <FormField
            name="body"
            label="Text (Markdown)"
            required={false}
            multiline
            rows={18}
            defaultValue={v.body ?? ""}
            error={e.body}
            hint="## for a heading, **bold**, *italic*, [link text](https://…), - for a list."
          />
          {kind === "post" ? (
            <>
              <FormField
                name="category"
                label="Category"
                required={false}
                defaultValue={v.category ?? ""}
                error={e.category}
                hint={categories.length ? `One of: ${categories.join(", ")}; or a new one.` : "A new category is made if it does not exist."}
              />
              <FormField name="tags" label="Tags" required={false} defaultValue={v.tags ?? ""} error={e.tags} hint="Separated by commas, e.g. Match season, ERAS." />
            </>
          ) : null}
          <SelectField
            name="featureImage"
            label="Feature image (optional)"
            options={images.map((i) => [i.publicId, i.label])}
            value={v.featureImage ?? ""}
            error={e.featureImage}
            placeholder="No image"
          />
          <FormField
            name="featureImageAlt"
            label="Feature image description"
            required={false}
            defaultValue={v.featureImageAlt ?? ""}
            error={e.featureImageAlt}
            hint={
              <>
                For people who cannot see it. Upload images on the <Link to="/admin/images">Images</Link> page.
              </>
            }
          />
          <div className="field">
            <label htmlFor="field-publishAt">Publication time ({zoneLabel}, optional)</label>
            <p className="hint" id="field-publishAt-hint">
              Empty: now. A time to come schedules it.
            </p>
            <input
              id="field-publishAt"
              type="datetime-local"
              name="publishAt"
              defaultValue={v.publishAt ?? ""}
              aria-describedby={e.publishAt ? "field-publishAt-hint field-publishAt-error" : "field-publishAt-hint"}
              aria-invalid={e.publishAt ? true : undefined}
            />
            {e.publishAt ? (
              <p className="error-message" id="field-publishAt-error">
                {e.publishAt}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" name="intent" value="publish">
              {post?.status === "published" ? "Update" : "Publish or schedule"}
            </button>
            <button type="submit" name="intent" value="draft" className="button-secondary">
              {post?.status === "published" ? "Unpublish (make a draft)" : "Save draft"}
            </button>
            <button type="submit" name="intent" value="preview" className="button-secondary">
              Preview
            </button>
          </div>
        </Form>
        <LivePreview formRef={formRef} initial={preview} />
      </div>
      {post ? (
        <Form method="post" className="inline-form danger-zone">
          <CsrfField token={csrf} />
          <input type="hidden" name="kind" value={kind} />
          <button type="submit" name="intent" value="delete" className="button-secondary">
            Delete this {noun}
          </button>
        </Form>
      ) : null}
    </>
  );
}

// Tables of the publishing context: posts and pages (one table, `kind`), their tags, categories,
// old slugs, revisions and images, the authors' bylines, and the words of the search corpus.
import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./accounts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A staff person's byline: shown on their posts and on /news/author/:slug. */
export const publishingAuthors = pgTable("publishing_authors", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  displayName: text("display_name").notNull(),
  bio: text("bio").notNull().default(""),
  photoImageId: integer("photo_image_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const publishingCategories = pgTable("publishing_categories", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
});

export const publishingTags = pgTable("publishing_tags", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

/** An uploaded image: the original's facts and the resized variants written under UPLOAD_DIR. */
export type ImageVariant = { width: number; height: number; jpeg: string; webp: string };
export const publishingImages = pgTable("publishing_images", {
  id: serial("id").primaryKey(),
  publicId: text("public_id").notNull().unique(),
  originalName: text("original_name").notNull(),
  mimeType: text("mime_type").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: integer("bytes").notNull(),
  variants: jsonb("variants").$type<ImageVariant[]>().notNull(),
  uploadedBy: integer("uploaded_by").references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A post (news) or a page. `publish_at` is when a scheduled post goes out and, once published, the
 * date it shows. `body_html` is the sanitised rendering, written with every save.
 */
export const posts = pgTable(
  "posts",
  {
    id: serial("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    kind: text("kind", { enum: ["post", "page"] }).notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    bodyMarkdown: text("body_markdown").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    status: text("status", { enum: ["draft", "scheduled", "published"] })
      .notNull()
      .default("draft"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    categoryId: integer("category_id").references(() => publishingCategories.id, { onDelete: "set null" }),
    featureImageId: integer("feature_image_id").references(() => publishingImages.id, { onDelete: "set null" }),
    featureImageAlt: text("feature_image_alt").notNull().default(""),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(excerpt, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(body_markdown, '')), 'C')`,
    ),
    /** Title and summary alone: hits here rank first, and ranking them reads only these small vectors. */
    searchHead: tsvector("search_head").generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(excerpt, '')), 'B')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_kind_slug_idx").on(t.kind, t.slug),
    index("posts_published_idx").on(t.kind, t.status, t.publishAt),
    index("posts_category_idx").on(t.categoryId),
    index("posts_author_idx").on(t.authorId),
    index("posts_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("posts_search_head_idx").using("gin", t.searchHead).with({ fastupdate: false }),
  ],
);

export const postTags = pgTable(
  "post_tags",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => publishingTags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index("post_tags_tag_idx").on(t.tagId)],
);

/** A slug a post or page had: its old address answers 301 to the current one. */
export const postSlugHistory = pgTable(
  "post_slug_history",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: ["post", "page"] }).notNull(),
    slug: text("slug").notNull(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("post_slug_history_kind_slug_idx").on(t.kind, t.slug)],
);

/** What a save wrote (the last 50 per post are kept), with who and when. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: serial("id").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    excerpt: text("excerpt").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    savedBy: integer("saved_by").references(() => people.id, { onDelete: "set null" }),
    savedByEmail: text("saved_by_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.id)],
);

/** The words of the published corpus, for "Did you mean …?" through trigram similarity. */
export const searchWords = pgTable(
  "search_words",
  {
    word: text("word").primaryKey(),
  },
  (t) => [index("search_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`).with({ fastupdate: false })],
);

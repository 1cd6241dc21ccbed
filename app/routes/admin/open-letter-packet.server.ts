// The packet of one open letter, for the print page and the PDF: staff only, and opening it is
// audited (it names signers).
import { data } from "react-router";
import type { AppLoadContext } from "react-router";
import type { OpenLetterPacketProps } from "~/app/components/open-letter-packet";
import { actorOf, requireStaff } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";
import { deliveryPacket, findOpenLetterForStaff } from "~/domains/advocacy/open-letters/open-letter-signatures.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { recordAudit } from "~/platform/audit.server";
import { renderMarkdown } from "~/platform/markdown.server";

const stateName = (code: string | null) => (code ? (stateNames[code] ?? code) : "");

export async function loadOpenLetterPacket(args: { request: Request; context: AppLoadContext; params: { slug?: string } }, format: "print" | "pdf") {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const letter = await findOpenLetterForStaff(db, args.params.slug ?? "");
  if (!letter) throw data({ message: "No such open letter." }, { status: 404 });
  const [packet, { organisation }] = await Promise.all([deliveryPacket(db, letter.id), siteSettingsFor(args.context)]);
  await recordAudit(db, actorOf(viewer, args.context), { action: "open-letter.packet", subjectType: "campaign", subjectId: letter.slug, details: { format, signatures: packet.totals.confirmed } });
  const t = packet.totals;
  const props: OpenLetterPacketProps = {
    orgName: organisation.name,
    title: letter.title,
    addressee: letter.addressee,
    letterHtml: renderMarkdown(letter.letterMarkdown),
    preparedOn: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "America/New_York" }).format(clock()),
    confirmed: t.confirmed,
    credentials: [
      { label: t.unmatchedGraduates === 1 ? "unmatched medical graduate" : "unmatched medical graduates", n: t.unmatchedGraduates },
      { label: t.physicians === 1 ? "physician" : "physicians", n: t.physicians },
      { label: t.supporters === 1 ? "supporter" : "supporters", n: t.supporters },
      { label: "did not say", n: t.unstated },
    ],
    byState: packet.byState.map((s) => ({ state: s.state ? stateName(s.state) : "Place not known", n: s.n })),
    listed: packet.listed.map((s) => ({ name: s.name, city: s.city, state: stateName(s.state) })),
  };
  return { slug: letter.slug, props };
}

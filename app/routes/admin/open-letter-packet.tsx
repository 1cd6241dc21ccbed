import { pageTitle } from "~/app/page-title";
import { Link } from "react-router";
import type { Route } from "./+types/open-letter-packet";
import { OpenLetterPacket } from "~/app/components/open-letter-packet";
import { loadOpenLetterPacket } from "./open-letter-packet.server";

export const meta: Route.MetaFunction = ({ data: d, matches }) => [pageTitle(matches, `Packet: ${d?.props.title ?? "open letter"}`, "staff")];

// Printable: the browser's Print command gives the same pages as the PDF link.
export async function loader(args: Route.LoaderArgs) {
  return loadOpenLetterPacket(args, "print");
}

export default function OpenLetterPacketPage({ loaderData }: Route.ComponentProps) {
  const { slug, props } = loaderData;
  return (
    <div className="page">
      <p className="no-print">
        <Link to={`/admin/open-letters/${slug}`}>← Signatures</Link> · Use your browser's Print command, or <a href={`/admin/open-letters/${slug}/packet.pdf`}>download the PDF</a>.
      </p>
      <OpenLetterPacket {...props} />
    </div>
  );
}

// The e-mails of mentorship (same style as templates.ts: plain text first, every button through button()).
import { button, escapeHtml, layout, type RenderedMail } from "~/domains/email/templates";

const mail = (orgName: string, subject: string, paragraphs: string[], action: { href: string; label: string } | null, footer: string[] = []): RenderedMail => ({
  subject,
  text: [...paragraphs, ...(action ? [`${action.label}: ${action.href}`] : []), ...(footer.length ? ["--", ...footer] : [])].join("\n\n"),
  html: layout(orgName, [...paragraphs.map(escapeHtml), ...(action ? [button(action.href, action.label)] : [])], footer.map(escapeHtml)),
});

/** To the address typed in the volunteer form: nothing happens before the link is opened. Repeats nothing typed. */
export function mentorConfirmMail(p: { orgName: string; confirmUrl: string; hours: number }): RenderedMail {
  return mail(
    p.orgName,
    `Confirm your offer to mentor with ${p.orgName}`,
    [
      `Someone (probably you) offered to volunteer as a mentor with the ${p.orgName} using this address.`,
      `Open the link to confirm the address: it creates your account, signs you in and sends your offer to our staff for approval. It works once, for ${p.hours} hours.`,
      "If it was not you, ignore this message: nothing is stored in your name.",
    ],
    { href: p.confirmUrl, label: "Confirm and sign in" },
  );
}

export function mentorApprovedMail(p: { orgName: string; name: string; areaUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    "You are now an AMG mentor",
    [
      `Dear ${p.name},`,
      "Thank you for volunteering. Staff have approved you as a mentor: you will be proposed to members who fit what you offer, never more than the number of mentees you chose. You can pause at any time.",
    ],
    { href: p.areaUrl, label: "Open your mentor area" },
  );
}

export function introductionToMentorMail(p: { orgName: string; mentorName: string; menteeName: string; reasons: string[]; respondBy: string; pageUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    `Introduction: ${p.menteeName} would like you as their mentor`,
    [
      `Dear ${p.mentorName},`,
      `We would like to introduce ${p.menteeName}, an AMG member looking for a mentor. Why we think you fit: ${p.reasons.join("; ")}.`,
      `Please accept or decline by ${p.respondBy}. If we hear nothing by then, ${p.menteeName} goes back to the top of the waiting list.`,
    ],
    { href: p.pageUrl, label: "Accept or decline" },
  );
}

export function introductionToMenteeMail(p: { orgName: string; menteeName: string; mentorName: string; specialty: string; respondBy: string; pageUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    `Introduction: ${p.mentorName} has been proposed as your mentor`,
    [
      `Dear ${p.menteeName},`,
      `We have proposed ${p.mentorName} (${p.specialty}) as your mentor. They have until ${p.respondBy} to accept. We will write again when they answer; if they cannot take you on, you keep your place in line for the next round.`,
    ],
    { href: p.pageUrl, label: "See your mentorship" },
  );
}

export function mentorAnsweredMail(p: { orgName: string; menteeName: string; mentorName: string; accepted: boolean; pageUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    p.accepted ? `${p.mentorName} accepted: your mentorship has started` : "Your proposed mentor could not take you on",
    p.accepted
      ? [`Dear ${p.menteeName},`, `${p.mentorName} accepted. Agree on your goals and how often you meet on your shared page, and log your meetings there.`]
      : [`Dear ${p.menteeName},`, `${p.mentorName} could not take you on this time. You are back in line with the place you had, for the next round.`],
    { href: p.pageUrl, label: p.accepted ? "Open your shared page" : "See your request" },
  );
}

export function feedbackRequestMail(p: { orgName: string; name: string; stage: "three-months" | "end"; pageUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    p.stage === "end" ? "Your mentorship has ended: two questions" : "Three months of mentorship: two questions",
    [
      `Dear ${p.name},`,
      `${p.stage === "end" ? "Your mentorship has ended." : "Your mentorship started three months ago."} How is it going? A rating from 1 to 5 and a comment, if you like, help us match people well.`,
    ],
    { href: p.pageUrl, label: "Give feedback" },
  );
}

export function stalledNudgeMail(p: { orgName: string; name: string; otherName: string; pageUrl: string }): RenderedMail {
  return mail(
    p.orgName,
    `No meeting logged with ${p.otherName} for six weeks`,
    [
      `Dear ${p.name},`,
      `We have not seen a meeting with ${p.otherName} in your log for six weeks. If you met, please log it; if something is in the way, you can say so on your page or end the mentorship with a reason.`,
    ],
    { href: p.pageUrl, label: "Open your shared page" },
  );
}

export function mentorshipEndedMail(p: { orgName: string; name: string; otherName: string; reason: string; pageUrl: string }): RenderedMail {
  return mail(p.orgName, `Your mentorship with ${p.otherName} has ended`, [`Dear ${p.name},`, `${p.otherName} ended the mentorship. Their reason: ${p.reason}`], {
    href: p.pageUrl,
    label: "Open your page",
  });
}

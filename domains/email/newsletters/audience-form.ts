// The compose form's audience fields ↔ an Audience (safe for the browser; the page works without
// JavaScript: checkboxes, a few text fields and selects).
import type { Audience, AudiencePart, MemberFilter } from "./audience";
import { examNames, examResults, memberStatuses } from "./audience";

type Values = Record<string, string | undefined>;

const list = (v: string | undefined) =>
  (v ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const year = (v: string | undefined) => (v && /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : undefined);

/** Builds the audience from the form's values (the schema then validates it). */
export function audienceFromForm(values: Values): unknown {
  const parts: unknown[] = [];
  if (values.aud_subscribers === "on") parts.push({ kind: "subscribers" });
  if (values.aud_members === "on") {
    const exam = examNames.find((e) => e === values.m_exam);
    const result = examResults.find((r) => r === values.m_exam_result);
    parts.push({
      kind: "members",
      filter: {
        statuses: list(values.m_status).filter((s) => (memberStatuses as readonly string[]).includes(s)),
        states: list(values.m_states),
        districts: list(values.m_districts),
        graduationFrom: year(values.m_grad_from),
        graduationTo: year(values.m_grad_to),
        exam: exam && result ? { name: exam, result } : undefined,
        specialty: values.m_specialty?.trim() || undefined,
      },
    });
  }
  if (values.aud_mentors === "on") parts.push({ kind: "mentors" });
  if (values.aud_campaign) parts.push({ kind: "campaign-action", campaignSlug: values.aud_campaign });
  return { parts };
}

/** The form's values for a stored audience (to show the form again). */
export function audienceFormValues(audience: Audience): Record<string, string> {
  const values: Record<string, string> = {};
  for (const part of audience.parts as AudiencePart[]) {
    if (part.kind === "subscribers") values.aud_subscribers = "on";
    if (part.kind === "mentors") values.aud_mentors = "on";
    if (part.kind === "campaign-action") values.aud_campaign = part.campaignSlug;
    if (part.kind === "members") {
      const f: MemberFilter = part.filter;
      values.aud_members = "on";
      values.m_status = f.statuses.join(",");
      values.m_states = f.states.join(", ");
      values.m_districts = f.districts.join(", ");
      if (f.graduationFrom) values.m_grad_from = String(f.graduationFrom);
      if (f.graduationTo) values.m_grad_to = String(f.graduationTo);
      if (f.exam) {
        values.m_exam = f.exam.name;
        values.m_exam_result = f.exam.result;
      }
      if (f.specialty) values.m_specialty = f.specialty;
    }
  }
  return values;
}

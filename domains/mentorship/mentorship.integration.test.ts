// The mentorship flow on a real database: a volunteer proves the address and is approved, a member
// asks, a round proposes (nothing visible), staff confirm (both introduced), the mentor accepts, the
// log keeps private notes private, feedback, the end; an unanswered introduction expires and the
// mentee keeps their place; staff nudge a stalled pair; mentor and staff change a mentor's details.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, menteeRequests, mentors, mentorships, outboxMessages, personRoles } from "~/db/schema/index";
import { ensurePersonWithRole, findPersonByEmail } from "~/domains/accounts/people.server";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform, type TestPlatform } from "~/tests/helpers/test-platform";
import { applyAsMentor, confirmMentorApplication } from "./apply-as-mentor.server";
import { decideMentor, findMentorForStaff, findOwnMentorDetails, updateMentorDetails } from "./manage-mentors.server";
import { menteeRequestSchema, mentorApplicationSchema, mentorDetailsSchema, mentorDetailsValues } from "./mentorship.schema";
import { answerIntroduction, endMentorship, giveFeedback, logMeeting, mentorshipPage } from "./mentorships.server";
import { mentorshipDashboard } from "./queries.server";
import { findOpenRequest, placeInLine, saveMenteeRequest } from "./request-mentor.server";
import { confirmRound, matchByHand, prepareRound, runRound } from "./run-round.server";
import { nudgeMentorship } from "./nudge-mentorship.server";
import { sweepMentorships } from "./sweep.server";

const staff = { personId: 1, email: "staff@example.org", ip: null };

describe.each(testEngines())("mentorship on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-03-02T12:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
  });
  afterAll(async () => t?.close());

  const mails = async (to: string) => (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to))).map((m) => m.template);
  const volunteer = async (email: string, name: string) => {
    const input = mentorApplicationSchema.parse({
      name,
      email,
      specialty: "Family Medicine",
      boardCertified: "yes",
      licenceStates: "NY, NJ",
      practiceSetting: "community",
      yearsInPractice: "12",
      selectionCommittee: "yes",
      languages: "English, Spanish",
      topics: "interviews,personal-statement,soap",
      capacity: "1",
      availability: "weekends,weekday-evenings",
    });
    expect(await applyAsMentor({ ...t.services, input, ip: "192.0.2.1" })).toEqual({ ok: true });
    const [mail] = (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.template === "mentorship.confirm-mentor");
    expect(mail.text).not.toContain(name);
    const token = new URL(mail.text.match(/http:\/\/amg\.test\/mentors\/confirm\?token=\S+/)![0]).searchParams.get("token")!;
    const confirmed = await confirmMentorApplication({ ...t.services, token, ip: null, userAgent: "test" });
    expect(confirmed.ok).toBe(true);
    expect((await confirmMentorApplication({ ...t.services, token, ip: null, userAgent: "test" })).ok).toBe(false);
    return (await findPersonByEmail(t.handle.db, email))!;
  };
  const member = async (email: string) => {
    await ensurePersonWithRole(t.handle.db, email, "member", null);
    return (await findPersonByEmail(t.handle.db, email))!;
  };
  const request = (name: string) =>
    menteeRequestSchema.parse({
      name,
      goals: "Get ready for interviews next season.",
      topics: "interviews,soap",
      targetSpecialties: "Family Medicine",
      preferredStates: "NY",
      language: "Spanish",
      availability: "weekends",
      practiceSettings: "",
      avoid: "",
    });

  it("runs a volunteer through proof, approval, a round, an introduction, the log, feedback and the end", async () => {
    const mentor = await volunteer("dr.rivera@example.org", "Ana Rivera");
    const roles = () => t.handle.db.select().from(personRoles).where(eq(personRoles.personId, mentor.id));
    expect((await roles()).map((r) => r.role)).toEqual([]);
    const [{ publicId: mentorPublicId }] = (await prepareRoundMentors()) ?? [];
    await decideMentor(t.services, staff, { mentorPublicId, decision: "approve" });
    expect((await roles()).map((r) => r.role)).toEqual(["mentor"]);
    expect(await mails("dr.rivera@example.org")).toContain("mentorship.mentor-approved");

    const notMember = (await findPersonByEmail(t.handle.db, "dr.rivera@example.org"))!;
    await expect(saveMenteeRequest(t.handle.db, { personId: notMember.id, roles: [] }, request("X Y"), start)).rejects.toThrow(/approved members/);

    const maria = await member("maria@example.org");
    await saveMenteeRequest(t.handle.db, { personId: maria.id, roles: ["member"] }, request("Maria Lopez"), start);
    const open = (await findOpenRequest(t.handle.db, maria.id))!;
    const line = await placeInLine(t.handle.db, open, start);
    expect(line.place).toBe(1);
    expect(line.estimate.weeks).toBeNull();

    const dry = await prepareRound(t.handle.db, start);
    expect(dry.exact.matched).toBe(1);
    const { publicId: roundId } = await runRound(t.handle.db, staff, { objective: "score" }, start);
    expect(await t.handle.db.select().from(mentorships)).toEqual([]);
    expect(await mails("maria@example.org")).toEqual([]);
    expect(await confirmRound(t.services, staff, roundId)).toEqual({ introduced: 1, skipped: 0 });
    expect(await mails("maria@example.org")).toEqual(["mentorship.introduction-mentee"]);
    expect(await mails("dr.rivera@example.org")).toContain("mentorship.introduction-mentor");
    const [m] = await t.handle.db.select().from(mentorships);
    expect(m.reasons).toContain("same specialty: family medicine");

    await expect(answerIntroduction(t.services, maria.id, { publicId: m.publicId, accept: true, reason: "" })).rejects.toThrow();
    await answerIntroduction(t.services, mentor.id, { publicId: m.publicId, accept: true, reason: "" });
    expect(await mails("maria@example.org")).toContain("mentorship.accepted");

    await logMeeting(t.handle.db, mentor.id, m.publicId, { heldOn: "2026-03-05", minutes: 45, topics: ["interviews"], notes: "Mentor's own reminder", shared: false });
    await logMeeting(t.handle.db, maria.id, m.publicId, { heldOn: "2026-03-05", minutes: 45, topics: ["interviews"], notes: "Practice questions", shared: true });
    const seenByMentee = await mentorshipPage(t.handle.db, maria.id, m.publicId);
    expect(seenByMentee.meetings.map((x) => x.notes)).toEqual(["Practice questions"]);
    expect((await mentorshipPage(t.handle.db, mentor.id, m.publicId)).meetings).toHaveLength(2);
    const other = await member("other@example.org");
    await expect(mentorshipPage(t.handle.db, other.id, m.publicId)).rejects.toThrow(/No such mentorship/);

    await giveFeedback(t.handle.db, maria.id, m.publicId, { stage: "three-months", rating: 5, comment: "Helpful" }, start);
    await expect(giveFeedback(t.handle.db, maria.id, m.publicId, { stage: "three-months", rating: 4, comment: "" }, start)).rejects.toThrow(/already/);
    await endMentorship(t.services, maria.id, { publicId: m.publicId, reason: "I matched this year", rematch: false });
    expect(await mails("dr.rivera@example.org")).toContain("mentorship.ended");
    const swept = await sweepMentorships(t.services);
    expect(swept.feedback).toBe(1);
    expect(await mails("maria@example.org")).toContain("mentorship.feedback-end");
    expect((await sweepMentorships(t.services)).feedback).toBe(0);
    const dashboard = await mentorshipDashboard(t.handle.db, start);
    expect(dashboard.mentorships.ended).toBe("fewer than 10");
  });

  it("sends an unanswered introduction back to the line with the mentee's place kept", async () => {
    const priya = await member("priya@example.org");
    await saveMenteeRequest(t.handle.db, { personId: priya.id, roles: ["member"] }, request("Priya Nair"), start);
    const before = (await findOpenRequest(t.handle.db, priya.id))!;
    const mentorRow = (await prepareRoundMentors())![0];
    await matchByHand(t.services, staff, { requestPublicId: before.publicId, mentorPublicId: mentorRow.publicId });
    t.setNow(new Date(start.getTime() + 8 * 86_400_000));
    expect((await sweepMentorships(t.services)).expired).toBe(1);
    const [after] = await t.handle.db.select().from(menteeRequests).where(eq(menteeRequests.id, before.id));
    expect(after.status).toBe("waiting");
    expect(after.waitingSince).toEqual(before.waitingSince);
    expect(await mails("priya@example.org")).toContain("mentorship.not-accepted");
  });

  it("lets staff nudge a stalled mentorship by hand, once a week at most, and audits it", async () => {
    const [mentorRow] = await t.handle.db.select().from(mentors);
    const noor = await member("noor@example.org");
    const begun = new Date(start.getTime() + 10 * 86_400_000);
    t.setNow(begun);
    await saveMenteeRequest(t.handle.db, { personId: noor.id, roles: ["member"] }, request("Noor Haddad"), begun);
    const open = (await findOpenRequest(t.handle.db, noor.id))!;
    const { publicId } = await matchByHand(t.services, staff, { requestPublicId: open.publicId, mentorPublicId: mentorRow.publicId });
    await answerIntroduction(t.services, mentorRow.personId, { publicId, accept: true, reason: "" });
    await expect(nudgeMentorship(t.services, staff, publicId)).rejects.toThrow(/nothing to nudge/);

    const stalledAt = new Date(begun.getTime() + 43 * 86_400_000);
    t.setNow(stalledAt);
    const before = await mentorshipDashboard(t.handle.db, stalledAt);
    expect(before.stalled.list).toEqual([expect.objectContaining({ publicId, menteeName: "Noor Haddad", nudgedAt: null, mayNudge: true })]);
    expect(await nudgeMentorship(t.services, staff, publicId)).toEqual({ mentorName: "Ana Rivera", menteeName: "Noor Haddad" });
    expect((await mails("noor@example.org")).filter((m) => m === "mentorship.stalled-nudge")).toHaveLength(1);
    expect((await mails("dr.rivera@example.org")).filter((m) => m === "mentorship.stalled-nudge")).toHaveLength(1);
    const [audit] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "mentorship.nudge"));
    expect(audit).toMatchObject({ actorId: staff.personId, subjectType: "mentorship", subjectId: publicId });

    // A second click, and the hourly sweep, send nothing more; a week later staff may nudge again.
    await expect(nudgeMentorship(t.services, staff, publicId)).rejects.toThrow(/last 7 days/);
    expect((await sweepMentorships(t.services)).nudged).toBe(0);
    expect((await mentorshipDashboard(t.handle.db, stalledAt)).stalled.list[0].mayNudge).toBe(false);
    t.setNow(new Date(stalledAt.getTime() + 8 * 86_400_000));
    await nudgeMentorship(t.services, staff, publicId);
    expect((await mails("noor@example.org")).filter((m) => m === "mentorship.stalled-nudge")).toHaveLength(2);
    await expect(nudgeMentorship(t.services, staff, "no-such-mentorship")).rejects.toThrow(/No such mentorship/);
    await endMentorship(t.services, noor.id, { publicId, reason: "Done for now", rematch: false });
    await expect(nudgeMentorship(t.services, staff, publicId)).rejects.toThrow(/not active/);
  });

  it("lets a mentor change their own details, and staff any mentor's, audited", async () => {
    const [mentorRow] = await t.handle.db.select().from(mentors);
    const details = mentorDetailsSchema.parse({
      ...mentorDetailsValues((await findOwnMentorDetails(t.handle.db, mentorRow.personId))!.details),
      capacity: "3",
      topics: "research,usmle-step-3",
      licenceStates: "ca, ny",
    });
    const mentorActor = { personId: mentorRow.personId, email: "dr.rivera@example.org", ip: null };
    await updateMentorDetails(t.handle.db, mentorActor, { personId: mentorRow.personId }, details, t.services.clock());
    const [after] = await t.handle.db.select().from(mentors).where(eq(mentors.id, mentorRow.id));
    expect(after).toMatchObject({ capacity: 3, topics: ["research", "usmle-step-3"], licenceStates: ["CA", "NY"], status: mentorRow.status, name: "Ana Rivera" });
    await updateMentorDetails(t.handle.db, staff, { mentorPublicId: mentorRow.publicId }, { ...details, name: "Ana M. Rivera" }, t.services.clock());
    expect((await findMentorForStaff(t.handle.db, mentorRow.publicId))!.details.name).toBe("Ana M. Rivera");
    const audits = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "mentorship.mentor-update"));
    expect(audits.map((a) => a.actorId)).toEqual([mentorRow.personId, staff.personId]);
    const noor = (await findPersonByEmail(t.handle.db, "noor@example.org"))!;
    await expect(updateMentorDetails(t.handle.db, mentorActor, { personId: noor.id }, details, t.services.clock())).rejects.toThrow(/not offered to mentor/);
    await expect(updateMentorDetails(t.handle.db, staff, { mentorPublicId: "nobody" }, details, t.services.clock())).rejects.toThrow(/No such mentor/);
    expect(mentorDetailsSchema.safeParse({ ...mentorDetailsValues(details), capacity: "0" }).success).toBe(false);
  });

  const prepareRoundMentors = () => t.handle.db.select({ publicId: mentors.publicId }).from(mentors);
});

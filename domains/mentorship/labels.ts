// The mentorship context's stored codes in words: what the audit log records about mentors,
// rounds and mentorships.

export const mentorshipAuditActionLabels: Record<string, string> = {
  "mentorship.mentor-offer": "Offered to mentor (address proven)",
  "mentorship.mentor-approve": "Approved a mentor",
  "mentorship.mentor-decline": "Declined an offer to mentor",
  "mentorship.mentor-pause": "Paused a mentor",
  "mentorship.mentor-resume": "Resumed a mentor",
  "mentorship.mentor-update": "Changed a mentor's details",
  "mentorship.round-run": "Ran a matching round",
  "mentorship.proposal-change": "Changed a proposed mentor",
  "mentorship.proposal-reject": "Rejected a proposed pair",
  "mentorship.round-discard": "Discarded a matching round",
  "mentorship.round-confirm": "Confirmed a matching round",
  "mentorship.match-by-hand": "Introduced a pair by hand",
  "mentorship.nudge": "Nudged a stalled mentorship",
  "mentorship.settings": "Changed the matching weights",
};

export const mentorshipAuditSubjectLabels: Record<string, string> = {
  mentor: "Mentor",
  "mentorship-round": "Matching round",
  mentorship: "Mentorship",
};

// The three kinds of e-mail a person can keep or stop, as checkboxes (the e-mailed link's page and /account).
type Props = { newsletter: boolean; campaignAlerts: boolean; memberUpdates: boolean };

export function MailPreferencesFields({ newsletter, campaignAlerts, memberUpdates }: Props) {
  return (
    <fieldset className="field">
      <legend>E-mails I want to receive</legend>
      <label className="checkbox">
        <input type="checkbox" name="newsletter" value="on" defaultChecked={newsletter} /> The newsletter
      </label>
      <label className="checkbox">
        <input type="checkbox" name="campaignAlerts" value="on" defaultChecked={campaignAlerts} /> Campaign alerts (when we ask you to act)
      </label>
      <label className="checkbox">
        <input type="checkbox" name="memberUpdates" value="on" defaultChecked={memberUpdates} /> Member updates
      </label>
    </fieldset>
  );
}

/** The three choices from a submitted form (an unticked box sends nothing). */
export const preferencesFromForm = (formData: FormData) => ({
  newsletter: formData.get("newsletter") === "on",
  campaignAlerts: formData.get("campaignAlerts") === "on",
  memberUpdates: formData.get("memberUpdates") === "on",
});

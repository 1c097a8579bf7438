import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { generateSecret, WEBHOOK_SECRET_MIN, type SupportErrors, type SupportValues, type WebhookChoice } from '../model/support-details';

export interface OncallWebhookFieldsProps {
  values: SupportValues;
  errors: SupportErrors;
  /** The address the server has now, if any: it decides which choices make sense. */
  currentUrl: string | null;
  onChange: (change: Partial<SupportValues>) => void;
  onSecretGenerated: () => void;
}

/**
 * The optional on-call webhook: where Hearth reports requests nobody answered in time, and escalations.
 * The server keeps the secret write-only, so an existing webhook is kept, replaced (address and a new
 * secret together) or turned off; the secret is never shown back.
 */
export function OncallWebhookFields({ values, errors, currentUrl, onChange, onSecretGenerated }: OncallWebhookFieldsProps) {
  const id = useId();
  const choices: { value: WebhookChoice; label: string }[] = currentUrl
    ? [
        { value: 'keep', label: `Keep sending reports to ${currentUrl}` },
        { value: 'set', label: 'Change the address or secret' },
        { value: 'off', label: 'Turn off' },
      ]
    : [
        { value: 'off', label: 'Off' },
        { value: 'set', label: 'Send reports to an on-call webhook' },
      ];

  function choose(webhook: WebhookChoice) {
    // Replacing starts from the saved address (usually only the secret changes); the secret starts empty.
    onChange(webhook === 'set' && currentUrl && values.webhookUrl === '' ? { webhook, webhookUrl: currentUrl } : { webhook });
  }

  return (
    <fieldset className="support-details__group" aria-describedby={`${id}-about`}>
      <legend className="field__label">On-call webhook (optional)</legend>
      <p id={`${id}-about`} className="field__hint">
        Hearth sends a signed report to this address when a support request is not acknowledged in time, or is escalated.
      </p>
      <div role="radiogroup" aria-label="On-call webhook" className="support-details__choices">
        {choices.map((choice) => (
          <label key={choice.value} className="support-details__choice">
            <input type="radio" name={`${id}-webhook`} value={choice.value} checked={values.webhook === choice.value}
              onChange={() => choose(choice.value)} />
            <span className="support-details__choice-text">{choice.label}</span>
          </label>
        ))}
      </div>
      {values.webhook === 'set' ? (
        <div className="support-details__webhook">
          <Field label="Webhook address" type="url" inputMode="url" autoComplete="off" spellCheck={false}
            value={values.webhookUrl} error={errors.webhookUrl} onChange={(e) => onChange({ webhookUrl: e.target.value })}
            hint="Starts with https://, e.g. https://oncall.example.org/hearth." />
          <div className="support-details__secret">
            <Field label="Signing secret" className="support-details__secret-field" autoComplete="off" spellCheck={false}
              value={values.webhookSecret} error={errors.webhookSecret} onChange={(e) => onChange({ webhookSecret: e.target.value })}
              hint={`At least ${WEBHOOK_SECRET_MIN} characters. Your on-call service uses it to check a report came from Hearth. Copy it there before saving: it is not shown again.`} />
            <Button onClick={() => { onChange({ webhookSecret: generateSecret() }); onSecretGenerated(); }}>
              Generate a secret
            </Button>
          </div>
        </div>
      ) : null}
      {values.webhook !== 'off' ? (
        <label className="support-details__choice">
          <input type="checkbox" checked={values.includeContent} aria-describedby={`${id}-content`}
            onChange={(e) => onChange({ includeContent: e.target.checked })} />
          <span className="support-details__choice-text">Include the member&apos;s name and note in reports</span>
        </label>
      ) : null}
      {values.webhook !== 'off' ? (
        <p id={`${id}-content`} className="field__hint">
          Left unticked, a report carries only the level of the request, its status and times.
        </p>
      ) : null}
    </fieldset>
  );
}

import { Flex, Typography } from '@strapi/design-system';
import type { Settings } from '../../api/settings';
import { Field } from './Field';

type Sms = Settings['sms'];

interface SmsSettingsProps {
  sms: Sms;
  events: string[];
  onChange: (patch: Partial<Sms>) => void;
}

/** The template code each event's SMS is sent with. */
const SmsTemplates = ({ events, sms, onChange }: SmsSettingsProps) => (
  <>
    <Typography variant="sigma">各事件的短信模板代码</Typography>
    {events.map((event) => (
      <Flex key={event} gap={2} marginTop={1}>
        <code style={{ width: 200, fontSize: 12 }}>{event}</code>
        <input
          aria-label={`${event}的短信模板`}
          placeholder="SMS_…"
          value={sms.templates[event] ?? ''}
          onChange={(e) => onChange({ templates: { ...sms.templates, [event]: e.target.value.trim() } })}
        />
      </Flex>
    ))}
  </>
);

/** 短信: signature, the package's messages and the price beyond it, and the templates. */
export const SmsSettings = (props: SmsSettingsProps) => {
  const { sms, onChange } = props;
  return (
    <>
      <Typography variant="delta">短信</Typography>
      <Field id="sms-sign" label="短信签名">
        <input id="sms-sign" value={sms.signName} onChange={(e) => onChange({ signName: e.target.value })} />
      </Field>
      <Field id="sms-included" label="套餐包含条数">
        <input
          id="sms-included"
          type="number"
          min={0}
          value={sms.included}
          onChange={(e) => onChange({ included: Number(e.target.value) })}
        />
      </Field>
      <Field id="sms-price" label="超出后每条（元）">
        <input
          id="sms-price"
          type="number"
          min={0}
          step={0.01}
          value={sms.price}
          onChange={(e) => onChange({ price: Number(e.target.value) })}
        />
      </Field>
      <SmsTemplates {...props} />
    </>
  );
};

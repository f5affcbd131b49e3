import { Box, Button, Flex, Typography } from '@strapi/design-system';

/** Who a step's or an action's notification goes to, and by which channels. */
const AUDIENCES = [
  { value: 'applicant', label: '申请人' },
  { value: 'assignee', label: '经办人' },
  { value: 'managers', label: '部门管理员' },
  { value: 'executives', label: '领导与超级管理员' },
];
const CHANNELS = [
  { value: 'sms', label: '短信' },
  { value: 'message', label: '站内消息' },
  { value: 'wechat', label: '微信' },
];

/** A notification's channels; without its own, the applicant's are every channel, staff's the in-app message. */
const channelsOf = (n: any): string[] =>
  n.channels ?? (n.to === 'applicant' ? ['sms', 'message', 'wechat'] : ['message']);

interface RowProps {
  notification: any;
  onChange: (next: any) => void;
  onDelete: () => void;
}

/** One notification: its audience, its template, its channels. */
const NotificationRow = ({ notification: n, onChange, onDelete }: RowProps) => (
  <Flex gap={1} marginTop={1} wrap="wrap">
    <select value={n.to} onChange={(e) => onChange({ ...n, to: e.target.value })}>
      {AUDIENCES.map((a) => (
        <option key={a.value} value={a.value}>
          {a.label}
        </option>
      ))}
    </select>
    <input
      aria-label="通知模板"
      value={n.template}
      onChange={(e) => onChange({ ...n, template: e.target.value })}
      style={{ width: 130 }}
    />
    {CHANNELS.map((c) => (
      <label key={c.value} style={{ fontSize: 12 }}>
        <input
          type="checkbox"
          checked={channelsOf(n).includes(c.value)}
          onChange={(e) => {
            const current = channelsOf(n);
            const channels = e.target.checked ? [...current, c.value] : current.filter((x) => x !== c.value);
            onChange({ ...n, channels });
          }}
        />
        {c.label}
      </label>
    ))}
    <Button size="S" variant="danger-light" onClick={onDelete}>
      删除
    </Button>
  </Flex>
);

/** 通知: the notifications of a step or an action, each editable, and one more. */
export const Notifications = ({ list, onChange }: { list: any[]; onChange: (next: any[]) => void }) => (
  <Box marginTop={2}>
    <Typography variant="sigma">通知</Typography>
    {list.map((n, i) => (
      <NotificationRow
        key={i}
        notification={n}
        onChange={(next) => onChange(list.map((x, j) => (j === i ? next : x)))}
        onDelete={() => onChange(list.filter((_, j) => j !== i))}
      />
    ))}
    <Button
      size="S"
      variant="tertiary"
      marginTop={1}
      onClick={() => onChange([...list, { to: 'applicant', template: '' }])}
    >
      添加通知
    </Button>
  </Box>
);

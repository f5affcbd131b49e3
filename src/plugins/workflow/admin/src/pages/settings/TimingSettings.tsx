import { Box, Flex, Typography } from '@strapi/design-system';
import type { Settings } from '../../api/settings';
import { Field } from './Field';

const LEVELS = ['一级', '二级', '三级'];

interface TimingSettingsProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

/** The three warning levels, each a percentage of the step's time limit. */
const WarningPercents = ({ settings, onChange }: TimingSettingsProps) => (
  <>
    <Typography variant="pi">预警比例（占环节时限的百分比）</Typography>
    <Flex gap={2} marginTop={1}>
      {LEVELS.map((label, i) => (
        <label key={label}>
          {label}{' '}
          <input
            aria-label={`${label}预警比例`}
            type="number"
            min={1}
            value={settings.warningPercents[i]}
            style={{ width: 70 }}
            onChange={(e) => {
              const next = [...settings.warningPercents] as Settings['warningPercents'];
              next[i] = Number(e.target.value);
              onChange({ ...settings, warningPercents: next });
            }}
          />
          %
        </label>
      ))}
    </Flex>
  </>
);

const STAFF_SMS: Array<{ key: keyof Settings['staffSms']; label: string }> = [
  { key: 'urge', label: '申请人催办时，短信通知处理人' },
  { key: 'assignment', label: '有新任务时，短信通知被指派人' },
  { key: 'warning', label: '预警时，短信通知处理人和部门负责人' },
];

/** 催办 and staff SMS: when applicants may urge, and which staff notices also go out as SMS. */
const UrgeSettings = ({ settings, onChange }: TimingSettingsProps) => (
  <Box marginTop={4}>
    <Field id="urge-after" label="申请人可催办时间（占环节时限的百分比，每单每天限一次）">
      <input
        id="urge-after"
        type="number"
        min={0}
        max={100}
        value={settings.urgeAfterPercent}
        style={{ width: 70 }}
        onChange={(e) => onChange({ ...settings, urgeAfterPercent: Number(e.target.value) })}
      />
      %
    </Field>
    <Typography variant="pi">员工短信</Typography>
    {STAFF_SMS.map(({ key, label }) => (
      <Box key={key} marginTop={1}>
        <label>
          <input
            type="checkbox"
            data-testid={`staff-sms-${key}`}
            checked={settings.staffSms[key]}
            onChange={(e) => onChange({ ...settings, staffSms: { ...settings.staffSms, [key]: e.target.checked } })}
          />{' '}
          {label}
        </label>
      </Box>
    ))}
  </Box>
);

/** 知识库: where the articles are managed (the content manager). */
const KnowledgeLink = () => (
  <Box marginTop={6}>
    <Typography variant="delta">知识库</Typography>
    <Typography tag="p">文章按业务、类型和环节推送给申请人和员工。</Typography>
    <a
      href="/admin/content-manager/collection-types/api::knowledge-article.knowledge-article"
      data-testid="knowledge-link"
    >
      管理知识库文章
    </a>
  </Box>
);

/** 时限与预警: office hours, the warning percentages, urging and staff SMS, and the knowledge base. */
export const TimingSettings = ({ settings, onChange }: TimingSettingsProps) => (
  <>
    <Typography variant="delta">时限与预警</Typography>
    <Field id="office-hours" label="办公时间（按工作小时计时的环节使用）">
      <input
        id="office-hours"
        value={settings.officeHours}
        onChange={(e) => onChange({ ...settings, officeHours: e.target.value })}
        placeholder="09:00-17:00"
      />
    </Field>
    <WarningPercents settings={settings} onChange={onChange} />
    <UrgeSettings settings={settings} onChange={onChange} />
    <KnowledgeLink />
  </>
);

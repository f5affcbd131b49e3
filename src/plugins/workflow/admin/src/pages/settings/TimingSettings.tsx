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

/** 时限与预警: office hours, the warning percentages, and the knowledge base. */
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
    <KnowledgeLink />
  </>
);

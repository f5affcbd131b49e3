import { useNavigate } from 'react-router-dom';
import { Button, Flex } from '@strapi/design-system';

/** The pages a permission opens, in the order they are offered (each button's test id is its path). */
const GATED = [
  { permission: 'notifications', to: 'notifications', label: '通知与短信' },
  { permission: 'publishDefinitions', to: 'definitions', label: '流程定义' },
  { permission: 'editRules', to: 'rules', label: '业务规则' },
  { permission: 'settings', to: 'settings', label: '业务设置' },
  { permission: 'contractTemplates', to: 'contract-templates', label: '合同模板' },
  { permission: 'directory', to: 'directory', label: '机构与人员' },
  { permission: 'audit', to: 'audit', label: '审计日志' },
];

interface InboxLinksProps {
  unread: number;
  can: (permission: string) => boolean;
}

/** 看板, 消息 with the unread count, and the pages the caller's permissions open. */
export const InboxLinks = ({ unread, can }: InboxLinksProps) => {
  const navigate = useNavigate();
  return (
    <Flex gap={2} marginBottom={3} wrap="wrap">
      <Button variant="tertiary" onClick={() => navigate('dashboard')} data-testid="dashboard">
        看板
      </Button>
      <Button variant="tertiary" onClick={() => navigate('messages')} data-testid="messages">
        消息{unread ? `（${unread}条未读）` : ''}
      </Button>
      {GATED.filter((g) => can(g.permission)).map((g) => (
        <Button key={g.to} variant="tertiary" onClick={() => navigate(g.to)} data-testid={g.to}>
          {g.label}
        </Button>
      ))}
    </Flex>
  );
};

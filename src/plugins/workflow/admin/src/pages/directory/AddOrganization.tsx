import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { createOrganization, type Organization } from '../../api/directory';
import { failure, type Outcome } from './useDirectory';

const EMPTY = { name: '', code: '', parent: '' };

/** The new department's name, code and parent, and adding it. */
const useNewOrganization = (onAdded: () => void) => {
  const [newOrg, setNewOrg] = useState(EMPTY);
  const [message, setMessage] = useState<Outcome | null>(null);
  const add = async () => {
    try {
      await createOrganization({
        name: newOrg.name,
        code: newOrg.code,
        type: 'department',
        parent: newOrg.parent ? Number(newOrg.parent) : null,
      });
      setMessage({ ok: true, text: `已添加 ${newOrg.name}` });
      setNewOrg(EMPTY);
      onAdded();
    } catch (error) {
      setMessage(failure(error));
    }
  };
  const set = (patch: Partial<typeof EMPTY>) => setNewOrg({ ...newOrg, ...patch });
  return { newOrg, set, message, add };
};

/** 添加部门: a department under any organization (or none), and the outcome. */
export const AddOrganization = ({ orgs, onAdded }: { orgs: Organization[]; onAdded: () => void }) => {
  const { newOrg, set, message, add } = useNewOrganization(onAdded);
  return (
    <Box marginTop={4}>
      <Typography variant="sigma">添加部门</Typography>
      <Flex direction="column" alignItems="stretch" gap={1} marginTop={1}>
        <input
          aria-label="部门名称"
          placeholder="名称"
          value={newOrg.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <input
          aria-label="部门代码"
          placeholder="代码，如 WATER-METER"
          value={newOrg.code}
          onChange={(e) => set({ code: e.target.value })}
        />
        <select aria-label="上级机构" value={newOrg.parent} onChange={(e) => set({ parent: e.target.value })}>
          <option value="">（无上级）</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <Button onClick={add} data-testid="add-org">
          添加
        </Button>
        {message ? (
          <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="org-message">
            {message.text}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};

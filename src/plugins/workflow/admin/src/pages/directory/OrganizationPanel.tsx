import { Box, Typography } from '@strapi/design-system';
import type { Organization } from '../../api/directory';
import { AddOrganization } from './AddOrganization';

const TYPES: Record<string, string> = {
  'power-bureau': '电业局',
  'energy-company': '公用能源公司',
  'water-company': '自来水公司',
  department: '部门',
};

/** The organization tree, indented under each parent. */
const Tree = ({ orgs, parent = null, depth = 0 }: { orgs: Organization[]; parent?: number | null; depth?: number }) => (
  <>
    {orgs
      .filter((o) => o.parent === parent || (depth === 0 && parent === null && !orgs.some((p) => p.id === o.parent)))
      .map((o) => (
        <Box key={o.id}>
          <Typography tag="p" style={{ paddingLeft: depth * 20 }} data-testid="org">
            {o.name}（{o.code} · {TYPES[o.type] ?? o.type}）
          </Typography>
          <Tree orgs={orgs} parent={o.id} depth={depth + 1} />
        </Box>
      ))}
  </>
);

/** 机构: the tree of organizations and the form that adds a department. */
export const OrganizationPanel = ({ orgs, onAdded }: { orgs: Organization[]; onAdded: () => void }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
    <Typography variant="delta">机构</Typography>
    <Box marginTop={2} data-testid="org-tree">
      <Tree orgs={orgs} />
    </Box>
    <AddOrganization orgs={orgs} onAdded={onAdded} />
  </Box>
);

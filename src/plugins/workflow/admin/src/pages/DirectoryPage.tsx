import { Link } from 'react-router-dom';
import { Box, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { OrganizationPanel } from './directory/OrganizationPanel';
import { StaffRow } from './directory/StaffRow';
import { useDirectory } from './directory/useDirectory';

/** 机构与人员 (administrators): the organization tree, new departments, and each staff member's profile. */
export const DirectoryPage = () => {
  const { orgs, staff, roles, roleLabels, load } = useDirectory();
  return (
    <Layouts.Root>
      <Layouts.Header
        title="机构与人员"
        subtitle="机构树、员工所属机构、岗位、手机号和可承载工单数（用于工单饱和度）"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <OrganizationPanel orgs={orgs} onAdded={load} />
          </Grid.Item>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Typography variant="delta">人员（{staff.length}）</Typography>
            <Box marginTop={2}>
              {staff.map((s) => (
                <StaffRow key={s.id} staff={s} orgs={orgs} roles={roles} roleLabels={roleLabels} onSaved={load} />
              ))}
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

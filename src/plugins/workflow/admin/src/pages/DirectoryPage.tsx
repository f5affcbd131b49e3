import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import {
  createOrganization,
  listDirectoryOrganizations,
  listStaffProfiles,
  updateStaffProfile,
  type Organization,
  type StaffProfile,
} from '../api/directory';
import { listDefinitions } from '../api/definitions';
import { explain } from '../api/orders';

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

/** One staff member's editable row: organization, job roles, mobile, capacity, active. */
const StaffRow = ({
  staff,
  orgs,
  roles,
  roleLabels,
  onSaved,
}: {
  staff: StaffProfile;
  orgs: Organization[];
  roles: string[];
  roleLabels: Record<string, string>;
  onSaved: () => void;
}) => {
  const [draft, setDraft] = useState({
    organization: staff.organization?.id ?? '',
    jobRoles: staff.jobRoles,
    mobile: staff.mobile ?? '',
    capacity: staff.capacity,
    active: staff.active,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    try {
      await updateStaffProfile(staff.id, { ...draft, organization: Number(draft.organization) });
      setMessage({ ok: true, text: '已保存' });
      onSaved();
    } catch (error) {
      const e = explain(error);
      setMessage({ ok: false, text: Object.values(e.fields)[0] ?? e.message });
    }
  };
  return (
    <Box
      padding={3}
      marginBottom={2}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      data-testid="staff"
      data-name={staff.name}
    >
      <Flex gap={3} wrap="wrap" alignItems="center">
        <Typography fontWeight="bold" style={{ width: 80 }}>
          {staff.name}
        </Typography>
        <Typography textColor="neutral600" style={{ width: 180 }}>
          {staff.email}
        </Typography>
        <select
          aria-label="机构"
          value={draft.organization}
          onChange={(e) => setDraft({ ...draft, organization: e.target.value })}
        >
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <input
          aria-label="手机号"
          value={draft.mobile}
          onChange={(e) => setDraft({ ...draft, mobile: e.target.value })}
          style={{ width: 120 }}
        />
        <label>
          可承载{' '}
          <input
            aria-label="可承载工单数"
            type="number"
            min={1}
            value={draft.capacity}
            onChange={(e) => setDraft({ ...draft, capacity: Number(e.target.value) })}
            style={{ width: 60 }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          在岗
        </label>
        <Button size="S" onClick={save} data-testid="save-staff">
          保存
        </Button>
        {message ? (
          <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="staff-message">
            {message.text}
          </Typography>
        ) : null}
      </Flex>
      <Flex gap={2} wrap="wrap" marginTop={2}>
        {roles.map((r) => (
          <label key={r} style={{ fontSize: 12 }}>
            <input
              type="checkbox"
              checked={draft.jobRoles.includes(r)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  jobRoles: e.target.checked ? [...draft.jobRoles, r] : draft.jobRoles.filter((x) => x !== r),
                })
              }
            />
            {roleLabels[r] ?? r}
          </label>
        ))}
      </Flex>
    </Box>
  );
};

/** 机构与人员 (administrators): the organization tree, new departments, and each staff member's profile. */
export const DirectoryPage = () => {
  const [orgs, setOrgs] = useState<Organization[]>([]);
  const [staff, setStaff] = useState<StaffProfile[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [roleLabels, setRoleLabels] = useState<Record<string, string>>({});
  const [newOrg, setNewOrg] = useState({ name: '', code: '', parent: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(() => {
    listDirectoryOrganizations()
      .then(setOrgs)
      .catch(() => setOrgs([]));
    listStaffProfiles()
      .then(setStaff)
      .catch(() => setStaff([]));
  }, []);
  useEffect(() => {
    load();
    listDefinitions()
      .then((d) => {
        setRoles(d.meta.roles);
        setRoleLabels(d.meta.roleLabels);
      })
      .catch(() => setRoles([]));
  }, [load]);

  const addOrganization = async () => {
    try {
      await createOrganization({
        name: newOrg.name,
        code: newOrg.code,
        type: 'department',
        parent: newOrg.parent ? Number(newOrg.parent) : null,
      });
      setMessage({ ok: true, text: `已添加 ${newOrg.name}` });
      setNewOrg({ name: '', code: '', parent: '' });
      load();
    } catch (error) {
      const e = explain(error);
      setMessage({ ok: false, text: Object.values(e.fields)[0] ?? e.message });
    }
  };

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
            <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
              <Typography variant="delta">机构</Typography>
              <Box marginTop={2} data-testid="org-tree">
                <Tree orgs={orgs} />
              </Box>
              <Box marginTop={4}>
                <Typography variant="sigma">添加部门</Typography>
                <Flex direction="column" alignItems="stretch" gap={1} marginTop={1}>
                  <input
                    aria-label="部门名称"
                    placeholder="名称"
                    value={newOrg.name}
                    onChange={(e) => setNewOrg({ ...newOrg, name: e.target.value })}
                  />
                  <input
                    aria-label="部门代码"
                    placeholder="代码，如 WATER-METER"
                    value={newOrg.code}
                    onChange={(e) => setNewOrg({ ...newOrg, code: e.target.value })}
                  />
                  <select
                    aria-label="上级机构"
                    value={newOrg.parent}
                    onChange={(e) => setNewOrg({ ...newOrg, parent: e.target.value })}
                  >
                    <option value="">（无上级）</option>
                    {orgs.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <Button onClick={addOrganization} data-testid="add-org">
                    添加
                  </Button>
                  {message ? (
                    <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="org-message">
                      {message.text}
                    </Typography>
                  ) : null}
                </Flex>
              </Box>
            </Box>
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

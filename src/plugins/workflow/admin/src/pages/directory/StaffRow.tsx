import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { updateStaffProfile, type Organization, type StaffProfile } from '../../api/directory';
import { failure, type Outcome } from './useDirectory';

interface StaffDraft {
  organization: number | string;
  jobRoles: string[];
  mobile: string;
  capacity: number;
  active: boolean;
}

/** The staff member's profile as edited, and saving it. */
const useStaffDraft = (staff: StaffProfile, onSaved: () => void) => {
  const [draft, setDraft] = useState<StaffDraft>({
    organization: staff.organization?.id ?? '',
    jobRoles: staff.jobRoles,
    mobile: staff.mobile ?? '',
    capacity: staff.capacity,
    active: staff.active,
  });
  const [message, setMessage] = useState<Outcome | null>(null);
  const save = async () => {
    try {
      await updateStaffProfile(staff.id, { ...draft, organization: Number(draft.organization) });
      setMessage({ ok: true, text: '已保存' });
      onSaved();
    } catch (error) {
      setMessage(failure(error));
    }
  };
  const set = (patch: Partial<StaffDraft>) => setDraft({ ...draft, ...patch });
  return { draft, set, message, save };
};

interface FieldsProps {
  draft: StaffDraft;
  set: (patch: Partial<StaffDraft>) => void;
}

interface RolesProps extends FieldsProps {
  roles: string[];
  roleLabels: Record<string, string>;
}

/** Organization, mobile, capacity and whether on duty. */
const StaffFields = ({ draft, set, orgs }: FieldsProps & { orgs: Organization[] }) => (
  <>
    <select aria-label="机构" value={draft.organization} onChange={(e) => set({ organization: e.target.value })}>
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
    <input
      aria-label="手机号"
      value={draft.mobile}
      onChange={(e) => set({ mobile: e.target.value })}
      style={{ width: 120 }}
    />
    <label>
      可承载{' '}
      <input
        aria-label="可承载工单数"
        type="number"
        min={1}
        value={draft.capacity}
        onChange={(e) => set({ capacity: Number(e.target.value) })}
        style={{ width: 60 }}
      />
    </label>
    <label>
      <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
      在岗
    </label>
  </>
);

/** One checkbox per job role. */
const JobRoles = ({ draft, set, roles, roleLabels }: RolesProps) => (
  <Flex gap={2} wrap="wrap" marginTop={2}>
    {roles.map((r) => (
      <label key={r} style={{ fontSize: 12 }}>
        <input
          type="checkbox"
          checked={draft.jobRoles.includes(r)}
          onChange={(e) =>
            set({ jobRoles: e.target.checked ? [...draft.jobRoles, r] : draft.jobRoles.filter((x) => x !== r) })
          }
        />
        {roleLabels[r] ?? r}
      </label>
    ))}
  </Flex>
);

interface StaffRowProps {
  staff: StaffProfile;
  orgs: Organization[];
  roles: string[];
  roleLabels: Record<string, string>;
  onSaved: () => void;
}

/** One staff member's editable row: organization, job roles, mobile, capacity, active. */
export const StaffRow = ({ staff, orgs, roles, roleLabels, onSaved }: StaffRowProps) => {
  const { draft, set, message, save } = useStaffDraft(staff, onSaved);
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
        <StaffFields draft={draft} set={set} orgs={orgs} />
        <Button size="S" onClick={save} data-testid="save-staff">
          保存
        </Button>
        {message ? (
          <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="staff-message">
            {message.text}
          </Typography>
        ) : null}
      </Flex>
      <JobRoles draft={draft} set={set} roles={roles} roleLabels={roleLabels} />
    </Box>
  );
};
